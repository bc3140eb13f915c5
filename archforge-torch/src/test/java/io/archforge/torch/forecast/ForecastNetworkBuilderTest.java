package io.archforge.torch.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.ForecastingSpace.BlockType;
import io.archforge.space.ForecastingSpace.Design;
import io.archforge.space.ForecastingSpace.LookbackFraction;
import io.archforge.space.ForecastingSpace.Normalization;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.Trainer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ForecastNetworkBuilderTest {

    private static final int LOOKBACK = 48;
    private static final int HORIZON = 12;

    private static Design design(BlockType block, int depth, Normalization normalization) {
        return new Design(block, 16, depth, normalization, LookbackFraction.HALF, 1e-3, 1e-4,
                32, 0.1);
    }

    @ParameterizedTest
    @EnumSource(BlockType.class)
    void blockTypeBuildsAndTrainsStep(BlockType block) {
        ForecastData data = ForecastData.prepare(ForecastDatasets.load(
                ForecastDatasets.byName("illness"), "OT", MissingValues.INTERPOLATE),
                ForecastDatasets.byName("illness").split(), LOOKBACK, HORIZON);
        ForecastNetwork network = ForecastNetworkBuilder.build(
                design(block, 2, Normalization.REVIN), LOOKBACK, HORIZON);
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Trainer.initialize(network, manager, new Shape(1, LOOKBACK), 7);
            float[] before = firstWeight(network);

            ForecastFit fit = new ForecastTrainer(new ForecastRecipe(1e-3, 1e-4, 32, 1), 32)
                    .fit(network, manager, data, 7, EvaluationContext.detached(7));

            assertThat(fit.windowsPerEpoch()).isBetween(16, 32);
            assertThat(fit.finalLoss()).isFinite().isPositive();
            assertThat(fit.bestValidationMse()).isFinite().isPositive();
            assertThat(firstWeight(network)).isNotEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(BlockType.class)
    void blockTypeMapsLookbackToHorizon(BlockType block) {
        ForecastNetwork network = ForecastNetworkBuilder.build(
                design(block, 1, Normalization.NONE), LOOKBACK, HORIZON);
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Trainer.initialize(network, manager, new Shape(1, LOOKBACK), 1);
            NDArray input = manager.randomNormal(new Shape(5, LOOKBACK));

            NDArray output = network.forward(new ParameterStore(manager, false),
                    new NDList(input), false).singletonOrThrow();

            assertThat(output.getShape()).isEqualTo(new Shape(5, HORIZON));
            assertThat(network.steps()).isEqualTo(LOOKBACK / 2);
        }
    }

    @ParameterizedTest
    @EnumSource(BlockType.class)
    void deeperNetworkKeepsShallowNames(BlockType block) {
        List<String> shallow = parameterNames(design(block, 1, Normalization.REVIN));
        List<String> deep = parameterNames(design(block, 3, Normalization.REVIN));

        assertThat(deep).containsAll(shallow);
        assertThat(deep.size()).isGreaterThan(shallow.size());
    }

    @Test
    void revinNamesItsParameters() {
        List<String> names = parameterNames(design(BlockType.MLP, 2, Normalization.REVIN));

        assertThat(names).contains("revin_weight", "revin_bias", "01encoder_01layer1_weight",
                "01encoder_02layer2_weight", "02head_weight");
        assertThat(parameterNames(design(BlockType.MLP, 2, Normalization.NONE)))
                .doesNotContain("revin_weight");
    }

    @Test
    void revinUndoesWindowScale() {
        // A linear network with RevIN forecasts a shifted window shifted by the same amount
        ForecastNetwork network = ForecastNetworkBuilder.linear(LOOKBACK, HORIZON, true);
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Trainer.initialize(network, manager, new Shape(1, LOOKBACK), 3);
            ParameterStore parameters = new ParameterStore(manager, false);
            NDArray window = manager.randomNormal(new Shape(2, LOOKBACK));
            NDArray shift = manager.create(100f);

            NDArray plain = network.forward(parameters, new NDList(window), false).head();
            NDArray shifted = network.forward(parameters, new NDList(window.add(shift)), false)
                    .head();

            assertThat(shifted.sub(plain).sub(shift).abs().max().getFloat()).isLessThan(1e-3f);
        }
    }

    private static List<String> parameterNames(Design design) {
        ForecastNetwork network = ForecastNetworkBuilder.build(design, LOOKBACK, HORIZON);
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            network.initialize(manager, DataType.FLOAT32, new Shape(1, LOOKBACK));
            return network.getParameters().keys();
        }
    }

    private static float[] firstWeight(ForecastNetwork network) {
        return network.getParameters().get("02head_weight").getArray().toFloatArray();
    }
}
