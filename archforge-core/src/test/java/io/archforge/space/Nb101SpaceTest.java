package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Nb101SpaceTest {

    private static final ChoiceSpace NB101 = Nb101Space.create();
    private static final String CONV3 = "conv3x3-bn-relu";
    private static final String CONV1 = "conv1x1-bn-relu";
    private static final String POOL = "maxpool3x3";

    /** Builds a cell with the given edges and the operations of nodes 1 to 5. */
    private static Architecture cell(int[][] edges, String... operations) {
        boolean[][] matrix = new boolean[7][7];
        for (int[] edge : edges) {
            matrix[edge[0]][edge[1]] = true;
        }
        return Nb101Space.of(matrix, List.of(operations));
    }

    @Test
    void choicesFollowUpperTriangle() {
        assertThat(NB101.name()).isEqualTo("nb101");
        assertThat(NB101.choiceNames()).hasSize(26)
                .startsWith("edge_0_1", "edge_0_2", "edge_0_3")
                .endsWith("edge_4_6", "edge_5_6", "node_1", "node_2", "node_3", "node_4",
                        "node_5");
        assertThat(NB101.size()).isEqualTo((1L << 21) * 243);
        for (int from = 0; from < 7; from++) {
            for (int to = from + 1; to < 7; to++) {
                assertThat(NB101.choiceNames().get(Nb101Space.edgeGene(from, to)))
                        .isEqualTo("edge_" + from + "_" + to);
            }
        }
    }

    @Test
    void parsePrintRoundTrip() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            Architecture architecture = NB101.sample(random);
            Architecture parsed = NB101.parse(architecture.text());

            assertThat(parsed).isEqualTo(architecture);
            assertThat(parsed.text()).isEqualTo(architecture.text());
        }
    }

    @Test
    void matrixAndAccessorsAgree() {
        Architecture architecture = cell(new int[][] {{0, 1}, {1, 6}, {0, 5}, {5, 6}},
                CONV3, CONV1, POOL, CONV1, POOL);

        assertThat(Nb101Space.hasEdge(architecture, 0, 1)).isTrue();
        assertThat(Nb101Space.hasEdge(architecture, 0, 6)).isFalse();
        assertThat(Nb101Space.operation(architecture, 1)).isEqualTo(CONV3);
        assertThat(Nb101Space.operation(architecture, 5)).isEqualTo(POOL);
        assertThat(architecture.text()).startsWith("edge_0_1=on,edge_0_2=off,")
                .contains("edge_5_6=on")
                .endsWith("node_1=conv3x3-bn-relu,node_2=conv1x1-bn-relu,node_3=maxpool3x3,"
                        + "node_4=conv1x1-bn-relu,node_5=maxpool3x3");
    }

    @Test
    void pruneDropsDanglingNodes() {
        // Node 2 is a dead end, 3 hangs off it, 4 is unreachable and 5 is isolated.
        Architecture architecture = cell(
                new int[][] {{0, 1}, {1, 6}, {0, 2}, {2, 3}, {4, 6}},
                CONV3, POOL, CONV1, CONV1, POOL);

        Nb101Space.Cell pruned = Nb101Space.prune(architecture).orElseThrow();

        assertThat(pruned.nodes()).containsExactly(0, 1, 6);
        assertThat(pruned.labels()).containsExactly("input", CONV3, "output");
        assertThat(pruned.edges()).containsExactly(
                new Nb101Space.Edge(0, 1), new Nb101Space.Edge(1, 2));
        assertThat(Nb101Space.isValid(architecture)).isTrue();
    }

    @Test
    void pruneKeepsDirectInputToOutputEdge() {
        Architecture architecture = cell(new int[][] {{0, 6}, {0, 3}, {3, 6}, {1, 3}},
                CONV3, CONV3, POOL, CONV3, CONV3);

        Nb101Space.Cell pruned = Nb101Space.prune(architecture).orElseThrow();

        assertThat(pruned.nodes()).containsExactly(0, 3, 6);
        assertThat(pruned.hasEdge(0, 2)).isTrue();
        assertThat(pruned.hasEdge(0, 1)).isTrue();
        assertThat(pruned.hasEdge(1, 2)).isTrue();
    }

    @Test
    void disconnectedCellIsInvalid() {
        Architecture architecture = cell(new int[][] {{0, 1}, {2, 6}},
                CONV3, CONV3, CONV3, CONV3, CONV3);

        assertThat(Nb101Space.prune(architecture)).isEmpty();
        assertThat(Nb101Space.isValid(architecture)).isFalse();
        assertThatThrownBy(() -> Nb101Space.checkValid(architecture))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no path joins the input to the output");
    }

    @Test
    void tenEdgesAfterPruningIsInvalid() {
        // A chain 0-1-2-3-4-5-6 (6 edges) plus 0->2, 0->3, 0->4 and 0->5: 10 edges.
        int[][] edges = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6},
            {0, 2}, {0, 3}, {0, 4}, {0, 5}};
        Architecture architecture = cell(edges, CONV3, CONV3, CONV3, CONV3, CONV3);

        assertThat(Nb101Space.prune(architecture).orElseThrow().edges()).hasSize(10);
        assertThat(Nb101Space.isValid(architecture)).isFalse();
        assertThatThrownBy(() -> Nb101Space.checkValid(architecture))
                .hasMessageContaining("10 edges").hasMessageContaining("at most 9");
    }

    @Test
    void extraEdgesOnDeadNodesKeepCellValid() {
        // Nine edges on the path plus four into node 5, which feeds nothing.
        int[][] edges = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 6}, {0, 2}, {0, 3}, {1, 4},
            {0, 6}, {0, 5}, {1, 5}, {2, 5}, {3, 5}};
        Architecture architecture = cell(edges, CONV3, CONV3, CONV3, CONV3, CONV3);

        assertThat(Nb101Space.prune(architecture).orElseThrow().edges()).hasSize(9);
        assertThat(Nb101Space.isValid(architecture)).isTrue();
    }

    @Test
    void rejectsBadGenes() {
        List<Integer> genes = new ArrayList<>(NB101.sample(new SplittableRandom(1)).genes()
                .stream().map(Number::intValue).toList());
        genes.set(0, 2);
        assertThatThrownBy(() -> NB101.of(genes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid gene 2 for choice 'edge_0_1'")
                .hasMessageContaining("[off, on]");

        genes.set(0, 1);
        genes.set(21, 3);
        assertThatThrownBy(() -> NB101.of(genes))
                .hasMessageContaining("invalid gene 3 for choice 'node_1'");
    }

    @Test
    void rejectsUnknownOperationText() {
        String text = NB101.sample(new SplittableRandom(2)).text()
                .replaceFirst("node_3=[^,]+", "node_3=conv5x5");

        assertThatThrownBy(() -> NB101.parse(text))
                .isInstanceOf(ArchitectureFormatException.class)
                .hasMessageContaining("invalid value 'conv5x5' for choice 'node_3'")
                .hasMessageContaining("maxpool3x3");
    }

    @Test
    void ofRejectsLowerTriangleAndUnknownOperation() {
        boolean[][] matrix = new boolean[7][7];
        matrix[3][1] = true;
        List<String> operations = List.of(CONV3, CONV3, CONV3, CONV3, CONV3);
        assertThatThrownBy(() -> Nb101Space.of(matrix, operations))
                .hasMessageContaining("entry [3][1]");

        assertThatThrownBy(() -> Nb101Space.of(new boolean[7][7],
                List.of(CONV3, CONV3, "avgpool3x3", CONV3, CONV3)))
                .hasMessageContaining("unknown NAS-Bench-101 operation 'avgpool3x3'");
    }

    @Test
    void operationOfInputNodeRejected() {
        Architecture architecture = NB101.sample(new SplittableRandom(3));

        assertThatThrownBy(() -> Nb101Space.operation(architecture, 0))
                .hasMessageContaining("node 0 has no operation");
        assertThatThrownBy(() -> Nb101Space.prune(MacroSpace.create()
                .sample(new SplittableRandom(3))))
                .hasMessageContaining("not 'nb101'");
    }

    @Test
    void registeredByName() {
        assertThat(SearchSpaces.byName("nb101")).isEqualTo(NB101);
        assertThat(SearchSpaces.names()).contains("nb101");
    }
}
