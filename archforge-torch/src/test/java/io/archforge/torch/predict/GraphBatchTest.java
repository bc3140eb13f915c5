package io.archforge.torch.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.archforge.encoding.GraphForms;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.torch.train.DjlRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphBatchTest {

    private static final CellSpace SPACE = CellSpace.nb201();
    private static final int NODES = 8;

    /**
     * Edges 0->1 nor_conv_3x3, 1->2 skip_connect, 0->3 nor_conv_1x1 and 2->3
     * avg_pool_3x3, the rest none. Graph nodes: 0 input, 1 conv3x3, 2 skip, 3 conv1x1,
     * 4 avg_pool, 5 output; edges 0->1, 0->3, 1->2, 2->4, 3->5, 4->5.
     */
    private static final Architecture CELL = SPACE.of(List.of(3, 0, 1, 2, 0, 4));

    @Test
    void nb201CellPaddedToEightNodes() {
        GraphBatch batch = GraphBatch.of(GraphForms.of(SPACE), List.of(CELL, CELL));

        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.cells()).isEqualTo(1);
        assertThat(batch.nodes()).isEqualTo(NODES);
        assertThat(batch.labels()).isEqualTo(6);
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            NDList arrays = batch.arrays(manager, 0, 2);
            assertThat(arrays.get(0).getShape()).isEqualTo(new Shape(2, 1, NODES, 6));
            assertThat(arrays.get(1).getShape()).isEqualTo(new Shape(2, 1, NODES, NODES));
            assertThat(arrays.get(3).toFloatArray()).containsExactly(
                    1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0);
        }
    }

    @Test
    void featuresOneHotByNodeLabel() {
        List<String> labels = GraphForms.of(SPACE).nodeLabels();
        float[] features = arrays(0);

        String[] expected = {"input", "nor_conv_3x3", "skip_connect", "nor_conv_1x1",
            "avg_pool_3x3", "output"};
        for (int node = 0; node < expected.length; node++) {
            for (int label = 0; label < labels.size(); label++) {
                float value = features[node * labels.size() + label];
                assertThat(value).as("node %d label %s", node, labels.get(label))
                        .isEqualTo(labels.get(label).equals(expected[node]) ? 1f : 0f);
            }
        }
        for (int index = expected.length * labels.size(); index < features.length; index++) {
            assertThat(features[index]).as("padding feature %d", index).isZero();
        }
    }

    @Test
    void predecessorRowsAverageNodeAndInputs() {
        float[] matrix = arrays(1);

        assertRow(matrix, 0, new int[] {0});
        assertRow(matrix, 1, new int[] {0, 1});
        assertRow(matrix, 4, new int[] {2, 4});
        assertRow(matrix, 5, new int[] {3, 4, 5});
        assertRow(matrix, 6, new int[] {});
        assertRow(matrix, 7, new int[] {});
    }

    @Test
    void successorRowsAverageNodeAndOutputs() {
        float[] matrix = arrays(2);

        assertRow(matrix, 0, new int[] {0, 1, 3});
        assertRow(matrix, 3, new int[] {3, 5});
        assertRow(matrix, 5, new int[] {5});
        assertRow(matrix, 6, new int[] {});
    }

    private static float[] arrays(int index) {
        GraphBatch batch = GraphBatch.of(GraphForms.of(SPACE), List.of(CELL));
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            return batch.arrays(manager, new int[] {0}).get(index).toFloatArray();
        }
    }

    /** Checks that row {@code row} is {@code 1 / columns.length} at {@code columns}, else 0. */
    private static void assertRow(float[] matrix, int row, int[] columns) {
        for (int column = 0; column < NODES; column++) {
            boolean member = false;
            for (int c : columns) {
                member |= c == column;
            }
            float expected = member ? 1f / columns.length : 0f;
            assertThat(matrix[row * NODES + column]).as("entry %d,%d", row, column)
                    .isCloseTo(expected, within(1e-7f));
        }
    }
}
