package io.archforge.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201NetworkCost;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.torch.hardware.NetworkFootprint;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201NetworkBuilder;
import io.archforge.torch.nb201.NetworkCost;
import io.archforge.torch.train.DjlRuntime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The DJL network that archforge-torch builds for a cell has the parameters, FLOPs,
 * memory and multiply-accumulates that archforge-benchmarks computes without DJL, on
 * all three data sets, so NAS-Bench-201 searches and {@code archforge measure} report
 * the same estimates.
 */
class Nb201BuiltNetworkTest {

    @Test
    void builtNetworkMatchesAnalyticCounts() {
        CellSpace space = CellSpace.nb201();
        Random random = new Random(5);
        DjlRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Nb201Dataset dataset : Nb201Dataset.values()) {
                Nb201Input input = Nb201Input.of(dataset.id());
                Nb201NetworkBuilder builder = Nb201NetworkBuilder.forInput(input);
                for (int i = 0; i < 10; i++) {
                    Architecture cell = space.sample(random);
                    int[] genes = cell.genes().stream().mapToInt(Number::intValue).toArray();
                    Nb201NetworkCost.Cost expected = Nb201NetworkCost.of(genes, dataset);
                    try (NDManager network = manager.newSubManager()) {
                        Block block = builder.create(cell, network, DataType.FLOAT32, i, false);
                        NetworkCost cost = NetworkCost.of(block, input.batchShape(1));
                        String where = dataset.id() + " " + cell.text();
                        assertThat(cost.megaParams()).as(where)
                                .isCloseTo(expected.params(), within(1e-9));
                        assertThat(cost.megaFlops()).as(where)
                                .isCloseTo(expected.flops(), within(expected.flops() * 1e-3));

                        NetworkFootprint footprint =
                                NetworkFootprint.of(block, input.batchShape(1));
                        assertThat(footprint.memory()).as(where).isEqualTo(expected.memory());
                        assertThat(footprint.macs()).as(where).isEqualTo(expected.macs());
                    }
                }
            }
        }
    }
}
