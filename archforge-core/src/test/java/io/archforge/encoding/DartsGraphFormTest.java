package io.archforge.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.DartsSpace;
import io.archforge.space.DartsSpace.Edge;
import io.archforge.space.Nb101Space;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DartsGraphFormTest {

    private static final ChoiceSpace DARTS = DartsSpace.create();
    private static final GraphForm FORM = GraphForms.of(DARTS);

    /**
     * Node 2 = sep3(c0) + skip(c1), node 3 = maxpool(n2) + avgpool(c0),
     * node 4 = dil3(n3) + sep5(c1), node 5 = dil5(n4) + skip(n2).
     */
    private static final List<Edge> NORMAL = List.of(
            new Edge(0, "sep_conv_3x3"), new Edge(1, "skip_connect"),
            new Edge(2, "max_pool_3x3"), new Edge(0, "avg_pool_3x3"),
            new Edge(3, "dil_conv_3x3"), new Edge(1, "sep_conv_5x5"),
            new Edge(4, "dil_conv_5x5"), new Edge(2, "skip_connect"));
    /** Every edge reads a cell input. */
    private static final List<Edge> REDUCTION = List.of(
            new Edge(0, "max_pool_3x3"), new Edge(1, "max_pool_3x3"),
            new Edge(0, "avg_pool_3x3"), new Edge(1, "avg_pool_3x3"),
            new Edge(1, "skip_connect"), new Edge(0, "sep_conv_3x3"),
            new Edge(1, "sep_conv_5x5"), new Edge(0, "dil_conv_3x3"));
    private static final Architecture GENOTYPE = DartsSpace.of(NORMAL, REDUCTION);

    private static List<Integer> ones(double[] features) {
        return IntStream.range(0, features.length).filter(i -> features[i] != 0).boxed()
                .toList();
    }

    @Test
    void graphFormsPicksDartsForm() {
        assertThat(FORM).isInstanceOf(DartsGraphForm.class);
        assertThat(FORM.cells()).isEqualTo(2);
        assertThat(FORM.maxNodes()).isEqualTo(11);
        assertThat(FORM.operations()).hasSize(7);
    }

    @Test
    void normalCellGraph() {
        ArchitectureGraph normal = FORM.graphs(GENOTYPE).get(0);
        boolean[][] expected = new boolean[11][11];
        int[][] edges = {
            {0, 2}, {1, 3}, {2, 4}, {3, 4}, {0, 5}, {4, 6}, {5, 6}, {1, 7},
            {6, 8}, {7, 8}, {2, 9}, {3, 9},
        };
        for (int[] edge : edges) {
            expected[edge[0]][edge[1]] = true;
        }
        for (int node = 2; node <= 9; node++) {
            expected[node][10] = true;
        }

        assertThat(normal).isEqualTo(new ArchitectureGraph(List.of("input", "input",
                "sep_conv_3x3", "skip_connect", "max_pool_3x3", "avg_pool_3x3",
                "dil_conv_3x3", "sep_conv_5x5", "dil_conv_5x5", "skip_connect", "output"),
                expected));
    }

    @Test
    void pathsFollowSums() {
        List<List<String>> paths = new PathEncoder(FORM).paths(GENOTYPE);

        // Paths into each edge node of the normal cell: 1, 1, 2, 1, 3, 1, 4, 2; the
        // reduction cell has one single-operation path per edge.
        assertThat(paths).hasSize(15 + 8);
        assertThat(paths).contains(
                List.of("sep_conv_3x3", "max_pool_3x3", "dil_conv_3x3", "dil_conv_5x5"),
                List.of("skip_connect", "skip_connect"),
                List.of("avg_pool_3x3", "dil_conv_3x3"));
        assertThat(paths).allSatisfy(path -> assertThat(path).hasSizeBetween(1, 4));
    }

    @Test
    void pathFeaturesOfReductionCell() {
        double[] features = new PathEncoder(FORM).encode(GENOTYPE);
        List<Integer> reduction = ones(features).stream().filter(i -> i >= 2800).toList();

        // Single-operation paths are the first 7 features of the second cell: every
        // operation but dil_conv_5x5 (digit 6) appears on a reduction edge.
        assertThat(reduction).containsExactly(2800, 2801, 2802, 2803, 2804, 2805);
    }

    @Test
    void encoderDimensions() {
        assertThat(PathEncoder.featureCount(FORM)).isEqualTo(5600);
        assertThat(Encoding.PATH.encoder(DARTS)).isInstanceOf(PathEncoder.class);
        assertThat(Encoding.PATH.encoder(DARTS).dimension()).isEqualTo(5600);
        assertThat(Encoding.ADJACENCY.encoder(DARTS).dimension()).isEqualTo(308);
        assertThat(Encoding.ONE_HOT.encoder(DARTS).dimension()).isEqualTo(168);
    }

    @Test
    void sampledArchitecturesEncode() {
        SplittableRandom random = new SplittableRandom(13);
        List<Encoder> encoders = new ArrayList<>();
        for (Encoding encoding : Encoding.values()) {
            encoders.add(encoding.encoder(DARTS));
        }
        for (int i = 0; i < 200; i++) {
            Architecture architecture = DARTS.sample(random);
            for (Encoder encoder : encoders) {
                assertThat(encoder.encode(architecture)).hasSize(encoder.dimension());
            }
        }
    }

    @Test
    void rejectsOtherSpace() {
        assertThatThrownBy(() -> new DartsGraphForm(Nb101Space.create()))
                .hasMessageContaining("not the NAS-Bench-301 DARTS space");
    }
}
