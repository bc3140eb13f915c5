package io.archforge.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.MacroSpace;
import io.archforge.space.Nb101Space;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Nb101GraphFormTest {

    private static final ChoiceSpace NB101 = Nb101Space.create();
    private static final GraphForm FORM = GraphForms.of(NB101);
    private static final String CONV3 = "conv3x3-bn-relu";
    private static final String CONV1 = "conv1x1-bn-relu";
    private static final String POOL = "maxpool3x3";

    private static Architecture cell(int[][] edges, String... operations) {
        boolean[][] matrix = new boolean[7][7];
        for (int[] edge : edges) {
            matrix[edge[0]][edge[1]] = true;
        }
        return Nb101Space.of(matrix, List.of(operations));
    }

    private static List<Integer> ones(double[] features) {
        return IntStream.range(0, features.length).filter(i -> features[i] != 0).boxed()
                .toList();
    }

    @Test
    void graphFormsPicksNodeForm() {
        assertThat(FORM).isInstanceOf(Nb101GraphForm.class);
        assertThat(FORM.operations()).containsExactly(CONV3, CONV1, POOL);
        assertThat(FORM.maxNodes()).isEqualTo(7);
        assertThat(FORM.cells()).isEqualTo(1);
        assertThat(Nb101Space.INPUT).isEqualTo(ArchitectureGraph.INPUT);
        assertThat(Nb101Space.OUTPUT).isEqualTo(ArchitectureGraph.OUTPUT);
    }

    @Test
    void danglingNodesLeaveGraph() {
        // Node 2 is a dead end, 3 hangs off it, 4 is unreachable and 5 is isolated.
        Architecture architecture = cell(
                new int[][] {{0, 1}, {1, 6}, {0, 2}, {2, 3}, {4, 6}},
                POOL, CONV3, CONV1, CONV1, CONV3);
        boolean[][] expected = new boolean[3][3];
        expected[0][1] = true;
        expected[1][2] = true;

        assertThat(FORM.graphs(architecture)).containsExactly(
                new ArchitectureGraph(List.of("input", POOL, "output"), expected));
    }

    @Test
    void diamondCellGraph() {
        // 0 -> 1 -> 3 -> 6, 0 -> 2 -> 3, 0 -> 6; nodes 4 and 5 unused.
        Architecture architecture = cell(
                new int[][] {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {3, 6}, {0, 6}},
                CONV3, CONV1, POOL, CONV3, CONV3);
        boolean[][] expected = new boolean[5][5];
        expected[0][1] = true;
        expected[0][2] = true;
        expected[1][3] = true;
        expected[2][3] = true;
        expected[3][4] = true;
        expected[0][4] = true;

        assertThat(FORM.graphs(architecture)).containsExactly(new ArchitectureGraph(
                List.of("input", CONV3, CONV1, POOL, "output"), expected));
    }

    @Test
    void pathsIncludeEmptyInputToOutputPath() {
        Architecture architecture = cell(
                new int[][] {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {3, 6}, {0, 6}},
                CONV3, CONV1, POOL, CONV3, CONV3);
        PathEncoder encoder = new PathEncoder(FORM);

        assertThat(encoder.paths(architecture)).containsExactlyInAnyOrder(
                List.of(CONV3, POOL), List.of(CONV1, POOL), List.of());
        // Digits: conv3x3 0, conv1x1 1, maxpool 2. Length 0 is feature 0, length 2
        // starts at 1 + 3 = 4.
        assertThat(ones(encoder.encode(architecture)))
                .containsExactly(0, 4 + 0 * 3 + 2, 4 + 1 * 3 + 2);
    }

    @Test
    void disconnectedCellHasNoPaths() {
        Architecture architecture = cell(new int[][] {{0, 1}, {2, 6}},
                CONV3, CONV3, CONV3, CONV3, CONV3);

        List<ArchitectureGraph> graphs = FORM.graphs(architecture);

        assertThat(graphs).hasSize(1);
        assertThat(graphs.get(0).labels()).containsExactly("input", "output");
        assertThat(graphs.get(0).hasEdge(0, 1)).isFalse();
        assertThat(ones(new PathEncoder(FORM).encode(architecture))).isEmpty();
    }

    @Test
    void longestChainHasFiveOperations() {
        Architecture architecture = cell(
                new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}},
                POOL, POOL, POOL, POOL, POOL);
        PathEncoder encoder = new PathEncoder(FORM);

        assertThat(encoder.paths(architecture))
                .containsExactly(List.of(POOL, POOL, POOL, POOL, POOL));
        assertThat(ones(encoder.encode(architecture))).containsExactly(363);
    }

    @Test
    void encoderDimensions() {
        assertThat(Encoding.PATH.encoder(NB101).dimension()).isEqualTo(364);
        assertThat(Encoding.PATH.encoder(NB101)).isInstanceOf(PathEncoder.class);
        assertThat(Encoding.ADJACENCY.encoder(NB101).dimension()).isEqualTo(56);
        assertThat(Encoding.ONE_HOT.encoder(NB101).dimension()).isEqualTo(57);
    }

    @Test
    void adjacencyPadsPrunedCell() {
        Architecture architecture = cell(
                new int[][] {{0, 1}, {1, 6}, {0, 2}, {2, 3}, {4, 6}},
                POOL, CONV3, CONV1, CONV1, CONV3);
        double[] features = new AdjacencyEncoder(FORM).encode(architecture);

        // Upper triangle of 7 nodes: edge 0->1 is entry 0, edge 1->2 entry 6. Labels
        // (input, output, conv3x3, conv1x1, maxpool) follow from 21: input at node 0,
        // maxpool at node 1, output at node 2.
        assertThat(ones(features)).containsExactly(0, 6, 21, 21 + 5 + 4, 21 + 10 + 1);
    }

    @Test
    void sampledCellsEncode() {
        SplittableRandom random = new SplittableRandom(7);
        List<Encoder> encoders = new ArrayList<>();
        for (Encoding encoding : Encoding.values()) {
            encoders.add(encoding.encoder(NB101));
        }
        for (int i = 0; i < 300; i++) {
            Architecture architecture = NB101.sample(random);
            for (Encoder encoder : encoders) {
                assertThat(encoder.encode(architecture)).hasSize(encoder.dimension());
            }
        }
    }

    @Test
    void rejectsOtherSpace() {
        assertThatThrownBy(() -> new Nb101GraphForm(MacroSpace.create()))
                .hasMessageContaining("not the NAS-Bench-101 space");
        assertThatThrownBy(() -> FORM.graphs(MacroSpace.create()
                .sample(new SplittableRandom(1))))
                .hasMessageContaining("from space 'macro'");
    }
}
