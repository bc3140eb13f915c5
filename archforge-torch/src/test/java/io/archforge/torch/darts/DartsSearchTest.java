package io.archforge.torch.darts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import io.archforge.space.CellPaths;
import io.archforge.space.CellSpace;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201Skeleton;
import io.archforge.torch.train.Batches;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.ThreadGradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link DartsSearch} steps, variants and checks on a small Fashion-MNIST split. */
class DartsSearchTest {

    private static final Nb201Input INPUT = new Nb201Input(1, 28, 10);
    private static DataSplit data;

    @BeforeAll
    static void loadData() {
        DjlRuntime.configure();
        DjlRuntime.setThreads(1);
        TrainTestData loaded = DataSources.load("fashion-mnist", null);
        data = DataSplit.carve(loaded.train(), 64, 256, 0);
    }

    private static DartsSettings tiny() {
        return DartsSettings.defaults().withEpochs(1).withBatchSize(32).withImages(256, 64)
                .withNetwork(new Nb201Skeleton(4, 1), 1, 0);
    }

    @Test
    void eachStepMovesOnlyItsParameters() {
        DartsSearch search = new DartsSearch(tiny(), INPUT);
        search.withRun(data, 1, run -> {
            Batches batches = new Batches(data.train(), 32, 0);
            List<Parameter> weights = run.network.weightParameters();
            Parameter alpha = run.network.alpha();
            try (var sgd = run.weightOptimizer(); var adam = run.archOptimizer()) {
                float[] alphaBefore = alpha.getArray().toFloatArray();
                List<float[]> weightsBefore = snapshot(weights);
                try (NDManager step = run.manager.newSubManager()) {
                    run.architectureStep(step, adam, batches.images(step, 0),
                            batches.labels(step, 0), null, 1);
                }
                assertThat(alpha.getArray().toFloatArray()).isNotEqualTo(alphaBefore);
                assertThat(snapshot(weights)).usingRecursiveComparison()
                        .isEqualTo(weightsBefore);

                float[] alphaAfterArch = alpha.getArray().toFloatArray();
                try (NDManager step = run.manager.newSubManager()) {
                    run.weightStep(step, sgd, batches.images(step, 1), batches.labels(step, 1), 1);
                }
                assertThat(alpha.getArray().toFloatArray()).isEqualTo(alphaAfterArch);
                assertThat(snapshot(weights)).usingRecursiveComparison()
                        .isNotEqualTo(weightsBefore);
            }
            return null;
        });
    }

    @Test
    void gradientReachesEveryLogit() {
        DartsSearch search = new DartsSearch(tiny(), INPUT);
        float[] gradient = search.withRun(data, 2, run -> {
            Batches batches = new Batches(data.train(), 32, 0);
            try (NDManager step = run.manager.newSubManager();
                    var collector = new ThreadGradientCollector()) {
                ParameterStore store = new ParameterStore(run.manager, false);
                NDArray out = run.network.forward(store, new NDList(batches.images(step, 0)),
                        true).singletonOrThrow();
                NDArray loss = Loss.softmaxCrossEntropyLoss()
                        .evaluate(new NDList(batches.labels(step, 0)), new NDList(out));
                collector.backward(loss);
                try (NDArray g = run.network.alpha().getArray().getGradient()) {
                    return g.toFloatArray();
                }
            }
        });
        assertThat(gradient).hasSize(30);
        int nonZero = 0;
        for (float value : gradient) {
            assertThat(value).isFinite();
            nonZero += value != 0 ? 1 : 0;
        }
        // Every logit moves the softmax of its edge, 'none' included.
        assertThat(nonZero).isEqualTo(30);
    }

    @Test
    void everyVariantDerivesACell() {
        List<DartsSettings> variants = List.of(tiny(), tiny().withOrder(2),
                tiny().withRelaxation(DartsSettings.Relaxation.GUMBEL),
                tiny().withBetaWeight(0.5).withGuards(0.3, 1, 2),
                tiny().withNetwork(new Nb201Skeleton(4, 1), 2, 0));
        for (DartsSettings settings : variants) {
            List<EpochRecord> records = new ArrayList<>();
            DartsResult result = new DartsSearch(settings, INPUT).run(data, 3, records::add,
                    () -> false);
            assertThat(records).hasSize(1);
            assertThat(result.steps()).isEqualTo(settings.stepsPerEpoch());
            assertThat(result.cell().space()).isEqualTo(CellSpace.nb201().name());
            assertThat(result.last().validationAccuracy()).isBetween(0.0, 100.0);
            assertThat(result.last().entropy()).isBetween(0.0, Math.log(5) + 1e-9);
            if (settings.guarded()) {
                CellSpace space = CellSpace.nb201();
                assertThat(CellPaths.count(space, result.cell(), java.util.Set.of("skip_connect")))
                        .isLessThanOrEqualTo(settings.skipLimit());
                assertThat(CellPaths.count(space, result.cell(), CellPaths.PARAMETER_FREE))
                        .isLessThanOrEqualTo(settings.parameterFreeLimit());
            }
        }
    }

    @Test
    void memoryPlanLowersBatchOrRejects() {
        DartsSettings settings = DartsSettings.defaults();
        double full = MemoryPlan.estimateMb(settings, 28, 1, 100_000, 64);
        double half = MemoryPlan.estimateMb(settings, 28, 1, 100_000, 32);
        assertThat(half).isLessThan(full);

        DartsSettings limited = settings.withNetwork(settings.skeleton(), 1, (full + half) / 2);
        assertThat(MemoryPlan.fit(limited, 28, 1, 100_000).batchSize()).isEqualTo(32);

        DartsSettings starved = settings.withNetwork(settings.skeleton(), 1, 1);
        assertThatThrownBy(() -> MemoryPlan.fit(starved, 28, 1, 100_000))
                .isInstanceOf(SearchMemoryException.class)
                .hasMessageContaining("MB even at batch 8")
                .hasMessageContaining("partial_channels");
    }

    @Test
    void runRejectsWrongImageSize() {
        DartsSearch search = new DartsSearch(tiny(), new Nb201Input(1, 32, 10));
        assertThatThrownBy(() -> search.run(data, 0, record -> { }, () -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("28x28")
                .hasMessageContaining("32x32");
    }

    private static List<float[]> snapshot(List<Parameter> parameters) {
        List<float[]> values = new ArrayList<>();
        for (Parameter parameter : parameters) {
            values.add(parameter.getArray().toFloatArray());
        }
        return values;
    }
}
