package io.archforge.torch.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.eval.TrialPrunedException;
import io.archforge.space.ForecastingSpace.BlockType;
import io.archforge.space.ForecastingSpace.Design;
import io.archforge.space.ForecastingSpace.LookbackFraction;
import io.archforge.space.ForecastingSpace.Normalization;
import io.archforge.torch.forecast.ChronologicalSplit.Part;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastTrainerTest {

    private static final ForecastData ILLNESS = ForecastData.prepare(ForecastDatasets.load(
            ForecastDatasets.byName("illness"), "OT", MissingValues.INTERPOLATE),
            ForecastDatasets.byName("illness").split(), 24, 12);
    private static final ForecastRecipe RECIPE = new ForecastRecipe(0.03, 1e-4, 32, 6);

    private static ForecastNetwork network() {
        return ForecastNetworkBuilder.build(new Design(BlockType.MLP, 32, 2,
                Normalization.NONE, LookbackFraction.FULL, 0.03, 1e-4, 32, 0.0), 24, 12);
    }

    @Test
    void bestEpochWeightsAreRestored() {
        ForecastNetwork network = network();
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Trainer.initialize(network, manager, new Shape(1, 24), 3);

            ForecastFit fit = new ForecastTrainer(RECIPE, 256).fit(network, manager, ILLNESS,
                    3, EvaluationContext.detached(3));
            double restored = ForecastErrors.measure(network, manager,
                    ILLNESS.windows(Part.VALIDATION, ForecastTrainer.VALIDATION_STRIDE),
                    ILLNESS.naiveScale()).mse();

            assertThat(fit.validationMse()).hasSize(6);
            assertThat(fit.bestValidationMse()).isEqualTo(fit.validationMse().stream()
                    .mapToDouble(Double::doubleValue).min().orElseThrow());
            assertThat(restored).isCloseTo(fit.bestValidationMse(), within(1e-6));
        }
    }

    @Test
    void sameSeedRepeatsTraining() {
        assertThat(fit(5)).isEqualTo(fit(5));
        assertThat(fit(5)).isNotEqualTo(fit(6));
    }

    @Test
    void pruneRequestEndsTraining() {
        Context context = new Context(true, false);
        ForecastNetwork network = network();
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Trainer.initialize(network, manager, new Shape(1, 24), 1);

            assertThatThrownBy(() -> new ForecastTrainer(RECIPE, 256).fit(network, manager,
                    ILLNESS, 1, context))
                    .isInstanceOfSatisfying(TrialPrunedException.class, e -> {
                        assertThat(e.step()).isEqualTo(1);
                        assertThat(e.metrics()).containsKey("mse");
                    });
            assertThat(context.reports).hasSize(1);
        }
    }

    @Test
    void stopRequestInterruptsTraining() {
        ForecastNetwork network = network();
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Trainer.initialize(network, manager, new Shape(1, 24), 1);

            assertThatThrownBy(() -> new ForecastTrainer(RECIPE, 256).fit(network, manager,
                    ILLNESS, 1, new Context(false, true)))
                    .isInstanceOf(EvaluationInterruptedException.class)
                    .hasMessageContaining("epoch 1, step 0");
        }
    }

    private static List<Double> fit(long seed) {
        ForecastNetwork network = network();
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Trainer.initialize(network, manager, new Shape(1, 24), seed);
            return new ForecastTrainer(RECIPE.withEpochs(2), 256).fit(network, manager,
                    ILLNESS, seed, EvaluationContext.detached(seed)).validationMse();
        }
    }

    /** A context that requests pruning after every report, or a stop at once. */
    private static final class Context implements EvaluationContext {
        final List<Double> reports = new ArrayList<>();
        private final boolean prune;
        private final boolean stop;

        Context(boolean prune, boolean stop) {
            this.prune = prune;
            this.stop = stop;
        }

        @Override
        public int trialNumber() {
            return 0;
        }

        @Override
        public long seed() {
            return 1;
        }

        @Override
        public void report(int step, String metric, double value) {
            reports.add(value);
        }

        @Override
        public boolean shouldStop() {
            return stop;
        }

        @Override
        public boolean shouldPrune() {
            return prune;
        }
    }
}
