package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TransNas101SpaceTest {

    private static final CellSpace SPACE = TransNas101Space.create();

    @Test
    void hasFourNodesAndFourOperations() {
        assertThat(SPACE.name()).isEqualTo("transnas101");
        assertThat(SPACE.nodes()).isEqualTo(4);
        assertThat(SPACE.operations())
                .containsExactly("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3");
        assertThat(SPACE.size()).isEqualTo(4096);
    }

    @Test
    void registeredByName() {
        assertThat(SearchSpaces.names()).contains("transnas101");
        assertThat(SearchSpaces.byName("transnas101")).isEqualTo(SPACE);
    }

    @Test
    void sampledCellsRoundTrip() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200; i++) {
            Architecture cell = SPACE.sample(random);
            Architecture parsed = SPACE.parse(cell.text());

            assertThat(parsed).isEqualTo(cell);
            assertThat(parsed.isomorphismKey()).isEqualTo(cell.isomorphismKey());
            assertThat(SPACE.of(cell.genes())).isEqualTo(cell);
        }
    }

    @Test
    void networkCodeWritesGenesByTargetNode() {
        // Genes follow edges (0->1), (0->2), (1->2), (0->3), (1->3), (2->3).
        Architecture cell = SPACE.of(List.of(3, 1, 3, 3, 0, 2));

        assertThat(TransNas101Space.networkCode(cell)).isEqualTo("64-41414-3_13_302");
        assertThat(cell.text()).isEqualTo("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|"
                + "+|nor_conv_3x3~0|none~1|nor_conv_1x1~2|");
    }

    @Test
    void networkCodeRejectsOtherSpaces() {
        Architecture cell = CellSpace.nb201().sample(new SplittableRandom(1));

        assertThatThrownBy(() -> TransNas101Space.networkCode(cell))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 'transnas101'");
    }

    @Test
    void rejectsPoolingOperation() {
        assertThatThrownBy(() -> SPACE.parse("|avg_pool_3x3~0|+|none~0|none~1|"
                + "+|none~0|none~1|none~2|"))
                .isInstanceOf(ArchitectureFormatException.class)
                .hasMessageContaining("unknown operation 'avg_pool_3x3'")
                .hasMessageContaining("nor_conv_3x3");
    }

    @Test
    void rejectsOperationIndexFour() {
        assertThatThrownBy(() -> SPACE.of(List.of(0, 1, 2, 3, 4, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gene 4")
                .hasMessageContaining("from 0 to 3");
    }
}
