package io.archforge.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.MacroSpace;
import io.archforge.space.NasBenchGraphSpace;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GnnGraphFormTest {

    private static final ChoiceSpace SPACE = NasBenchGraphSpace.create();
    private static final GnnGraphForm FORM = new GnnGraphForm(SPACE);
    private static final PathEncoder PATHS = new PathEncoder(FORM);

    private static Architecture architecture(String links, String... operations) {
        return NasBenchGraphSpace.of(links, List.of(operations));
    }

    @Test
    void graphFormsPicksIt() {
        assertThat(GraphForms.of(SPACE)).isInstanceOf(GnnGraphForm.class);
    }

    @Test
    void parallelLayersAllFeedOutput() {
        ArchitectureGraph graph = FORM.graphs(architecture("0000", "gat", "gcn", "gin", "sage"))
                .get(0);

        assertThat(graph.labels())
                .containsExactly("input", "gat", "gcn", "gin", "sage", "output");
        for (int layer = 1; layer <= 4; layer++) {
            assertThat(graph.hasEdge(0, layer)).isTrue();
            assertThat(graph.hasEdge(layer, 5)).isTrue();
        }
        assertThat(edgeCount(graph)).isEqualTo(8);
    }

    @Test
    void chainFeedsOutputFromLastLayer() {
        Architecture chain = architecture("0123", "gcn", "skip", "fc", "arma");
        ArchitectureGraph graph = FORM.graphs(chain).get(0);

        assertThat(graph.hasEdge(0, 1)).isTrue();
        assertThat(graph.hasEdge(1, 2)).isTrue();
        assertThat(graph.hasEdge(2, 3)).isTrue();
        assertThat(graph.hasEdge(3, 4)).isTrue();
        assertThat(graph.hasEdge(4, 5)).isTrue();
        assertThat(edgeCount(graph)).isEqualTo(5);
        assertThat(PATHS.paths(chain)).containsExactly(List.of("gcn", "skip", "fc", "arma"));
    }

    @Test
    void branchingPatternHasTwoLeaves() {
        // 0112: layer 1 reads the input, layers 2 and 3 read layer 1, layer 4 reads layer 2.
        Architecture branching = architecture("0112", "gcn", "gin", "fc", "cheb");
        ArchitectureGraph graph = FORM.graphs(branching).get(0);

        assertThat(graph.hasEdge(0, 1)).isTrue();
        assertThat(graph.hasEdge(1, 2)).isTrue();
        assertThat(graph.hasEdge(1, 3)).isTrue();
        assertThat(graph.hasEdge(2, 4)).isTrue();
        assertThat(graph.hasEdge(3, 5)).isTrue();
        assertThat(graph.hasEdge(4, 5)).isTrue();
        assertThat(graph.hasEdge(2, 5)).isFalse();
        assertThat(edgeCount(graph)).isEqualTo(6);
        assertThat(PATHS.paths(branching)).containsExactlyInAnyOrder(
                List.of("gcn", "gin", "cheb"), List.of("gcn", "fc"));
    }

    @Test
    void inputBranchGivesShortPath() {
        // 0013: layers 1 and 2 read the input, layer 3 reads layer 1, layer 4 reads layer 3.
        Architecture architecture = architecture("0013", "sage", "gat", "graph", "gin");

        assertThat(PATHS.paths(architecture)).containsExactlyInAnyOrder(
                List.of("sage", "graph", "gin"), List.of("gat"));
    }

    @Test
    void encodingDimensions() {
        assertThat(PathEncoder.featureCount(FORM)).isEqualTo(9 + 81 + 729 + 6561);
        assertThat(new AdjacencyEncoder(FORM).dimension()).isEqualTo(15 + 6 * 11);
        assertThat(Encoders.pathOrOneHot(SPACE)).isInstanceOf(PathEncoder.class);
    }

    @Test
    void everyPathFitsTheLengthBounds() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 500; i++) {
            Architecture architecture = SPACE.sample(random);
            List<List<String>> paths = PATHS.paths(architecture);

            assertThat(paths).isNotEmpty();
            assertThat(paths).allSatisfy(path -> assertThat(path).hasSizeBetween(1, 4));
            assertThat(sum(PATHS.encode(architecture))).isEqualTo(
                    (double) paths.stream().distinct().count());
        }
    }

    @Test
    void rejectsOtherSpaces() {
        assertThatThrownBy(() -> new GnnGraphForm(MacroSpace.create()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NasBenchGraphSpace.create()");
        Architecture macro = MacroSpace.create().sample(new SplittableRandom(2));
        assertThatThrownBy(() -> FORM.graphs(macro))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'macro'");
    }

    private static int edgeCount(ArchitectureGraph graph) {
        int count = 0;
        for (int i = 0; i < graph.size(); i++) {
            for (int j = i + 1; j < graph.size(); j++) {
                count += graph.hasEdge(i, j) ? 1 : 0;
            }
        }
        return count;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }
}
