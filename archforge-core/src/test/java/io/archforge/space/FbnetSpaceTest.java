package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.encoding.AdjacencyEncoder;
import io.archforge.encoding.ArchitectureGraph;
import io.archforge.encoding.Encoding;
import io.archforge.encoding.FbnetGraphForm;
import io.archforge.encoding.GraphForms;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FbnetSpaceTest {

    private static final ChoiceSpace SPACE = FbnetSpace.create();

    @Test
    void hasTwentyTwoLayersOfNineBlocks() {
        assertThat(SPACE.name()).isEqualTo("fbnet");
        assertThat(SPACE.choices()).hasSize(22);
        for (Choice choice : SPACE.choices()) {
            assertThat(((Choice.Categorical) choice).options()).containsExactly("k3_e1",
                    "k3_e1_g2", "k3_e3", "k3_e6", "k5_e1", "k5_e1_g2", "k5_e3", "k5_e6", "skip");
        }
        assertThat(SPACE.choiceNames()).startsWith("s1.b1", "s2.b1", "s2.b2")
                .endsWith("s6.b4", "s7.b1");
    }

    @Test
    void sizeOverflowsToMaxLong() {
        // 9^22 is about 9.8e20, above Long.MAX_VALUE.
        assertThat(Math.pow(9, 22)).isGreaterThan(Long.MAX_VALUE);
        assertThat(SPACE.size()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void sampledArchitecturesRoundTrip() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            Architecture architecture = SPACE.sample(random);
            Architecture parsed = SPACE.parse(architecture.text());

            assertThat(parsed).isEqualTo(architecture);
            assertThat(parsed.text()).isEqualTo(architecture.text());
            assertThat(SearchSpaces.byName("fbnet").parse(architecture.text()))
                    .isEqualTo(architecture);
        }
    }

    @Test
    void blockIndicesFollowBenchmarkOrder() {
        int[] blocks = new int[22];
        blocks[0] = 7;
        blocks[1] = 8;
        blocks[21] = 1;
        Architecture architecture = FbnetSpace.of(blocks);

        assertThat(FbnetSpace.blocks(architecture)).startsWith("k5_e6", "skip", "k3_e1")
                .endsWith("k3_e1", "k3_e1_g2");
        assertThat(architecture.text()).startsWith("s1.b1=k5_e6,s2.b1=skip,s2.b2=k3_e1,")
                .endsWith(",s7.b1=k3_e1_g2");
    }

    @Test
    void rejectsWrongLayerCount() {
        assertThatThrownBy(() -> FbnetSpace.of(1, 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("22 genes");
    }

    @Test
    void registeredWithFbnetGraphForm() {
        assertThat(SearchSpaces.names()).contains("fbnet");
        assertThat(GraphForms.of(SPACE)).isInstanceOf(FbnetGraphForm.class);
        Architecture architecture = SPACE.sample(new SplittableRandom(2));
        ArchitectureGraph graph = GraphForms.of(SPACE).graphs(architecture).get(0);

        assertThat(graph.labels()).hasSize(24);
        assertThat(graph.labels().subList(1, 23)).isEqualTo(FbnetSpace.blocks(architecture));
        assertThat(graph.hasEdge(0, 1)).isTrue();
        assertThat(graph.hasEdge(22, 23)).isTrue();
        assertThat(graph.hasEdge(0, 2)).isFalse();
    }

    @Test
    void everyEncodingEncodes() {
        Architecture architecture = SPACE.sample(new SplittableRandom(3));
        for (Encoding encoding : Encoding.values()) {
            double[] features = encoding.encoder(SPACE).encode(architecture);

            assertThat(features).as(encoding.key()).hasSize(
                    encoding.encoder(SPACE).dimension());
        }
        assertThat(Encoding.ONE_HOT.encoder(SPACE).dimension()).isEqualTo(22 * 9);
        // 24 nodes: 276 adjacency bits and 24 x 11 labels.
        assertThat(new AdjacencyEncoder(GraphForms.of(SPACE)).dimension())
                .isEqualTo(276 + 24 * 11);
        // 9^22 paths are too many for the path encoding, which falls back to one-hot.
        assertThat(Encoding.PATH.encoder(SPACE).dimension()).isEqualTo(198);
    }
}
