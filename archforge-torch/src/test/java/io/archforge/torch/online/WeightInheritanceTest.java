package io.archforge.torch.online;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.archforge.space.Architecture;
import io.archforge.space.ForecastingSpace;
import io.archforge.space.ForecastingSpace.Design;
import io.archforge.torch.forecast.ForecastNetworkBuilder;
import io.archforge.torch.train.DjlRuntime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightInheritanceTest {

    @Test
    void sharedBlocksReuseExactWeights() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Block parent = mlp(32, 4);
            Block child = mlp(32, 16, 4);
            parent.initialize(manager, DataType.FLOAT32, new Shape(1, 8));
            child.initialize(manager, DataType.FLOAT32, new Shape(1, 8));
            Map<String, float[]> before = values(child);

            WeightInheritance.Inheritance inheritance = WeightInheritance.inherit(parent, child);

            // Only the first layer has the same name and shape in both networks; the
            // ReLU blocks take the even positions.
            assertThat(inheritance.copied()).containsExactlyInAnyOrder(
                    "01Linear_weight", "01Linear_bias");
            assertThat(inheritance.fresh()).containsExactlyInAnyOrder("03Linear_weight",
                    "03Linear_bias", "05Linear_weight", "05Linear_bias");
            Map<String, float[]> inherited = values(parent);
            Map<String, float[]> after = values(child);
            for (String name : inheritance.copied()) {
                assertThat(after.get(name)).containsExactly(inherited.get(name));
            }
            // Biases start at zero in both networks, so only weights tell a copy apart.
            assertThat(after.get("01Linear_weight")).isNotEqualTo(before.get("01Linear_weight"));
            for (String name : inheritance.fresh()) {
                assertThat(after.get(name)).containsExactly(before.get(name));
            }
        }
    }

    @Test
    void copiesDoNotShareMemory() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Block parent = mlp(8);
            Block child = mlp(8);
            parent.initialize(manager, DataType.FLOAT32, new Shape(1, 8));
            child.initialize(manager, DataType.FLOAT32, new Shape(1, 8));
            WeightInheritance.inherit(parent, child);
            float[] copied = values(child).get("01Linear_weight");

            parent.getParameters().get("01Linear_weight").getArray().muli(2);

            assertThat(values(child).get("01Linear_weight")).containsExactly(copied);
        }
    }

    @Test
    void recipeChangeKeepsEveryForecastWeight() {
        Design design = new Design(ForecastingSpace.BlockType.GRU, 16, 2,
                ForecastingSpace.Normalization.REVIN, ForecastingSpace.LookbackFraction.FULL,
                1e-3, 1e-4, 32, 0.1);
        Architecture parent = ForecastingSpace.of(design);
        Architecture sameNetwork = ForecastingSpace.of(new Design(design.block(),
                design.hidden(), design.depth(), design.normalization(), design.lookback(),
                5e-3, 1e-5, 64, 0.2));
        Architecture deeper = ForecastingSpace.of(new Design(design.block(), design.hidden(),
                3, design.normalization(), design.lookback(), 1e-3, 1e-4, 32, 0.1));
        Architecture otherBlock = ForecastingSpace.of(new Design(
                ForecastingSpace.BlockType.MLP, design.hidden(), design.depth(),
                design.normalization(), design.lookback(), 1e-3, 1e-4, 32, 0.1));
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Block trained = forecast(parent, manager);

            WeightInheritance.Inheritance same = WeightInheritance.inherit(trained,
                    forecast(sameNetwork, manager));
            WeightInheritance.Inheritance grown = WeightInheritance.inherit(trained,
                    forecast(deeper, manager));
            WeightInheritance.Inheritance replaced = WeightInheritance.inherit(trained,
                    forecast(otherBlock, manager));

            assertThat(same.fresh()).isEmpty();
            assertThat(same.share()).isEqualTo(1.0);
            assertThat(grown.copied()).isNotEmpty();
            assertThat(grown.fresh()).isNotEmpty();
            assertThat(replaced.share()).isLessThan(grown.share());
        }
    }

    private static Block forecast(Architecture architecture, NDManager manager) {
        Block block = ForecastNetworkBuilder.build(architecture, 24, 6);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 24));
        return block;
    }

    private static Block mlp(int... widths) {
        SequentialBlock block = new SequentialBlock();
        for (int i = 0; i < widths.length; i++) {
            block.add(Linear.builder().setUnits(widths[i]).build());
            if (i < widths.length - 1) {
                block.add(Activation.reluBlock());
            }
        }
        return block;
    }

    private static Map<String, float[]> values(Block block) {
        Map<String, float[]> values = new HashMap<>();
        block.getParameters().forEach(pair -> values.put(pair.getKey(),
                pair.getValue().getArray().toFloatArray()));
        return values;
    }
}
