package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.TinyGptSpace.Block;
import io.archforge.space.TinyGptSpace.Config;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TinyGptSpaceTest {

    private static final ChoiceSpace SPACE = TinyGptSpace.create();

    @Test
    void hasDepthWidthBiasAndBlocks() {
        assertThat(SPACE.name()).isEqualTo("gpt-tiny");
        assertThat(SPACE.choiceNames()).containsExactly("layers", "embed", "bias",
                "heads_1", "mlp_ratio_1", "heads_2", "mlp_ratio_2", "heads_3", "mlp_ratio_3",
                "heads_4", "mlp_ratio_4");
        assertThat(SearchSpaces.byName("gpt-tiny")).isEqualTo(SPACE);
    }

    @Test
    void inactiveBlocksShareOneString() {
        Architecture shallow = SPACE.parse("layers=1,embed=64,bias=on,heads_1=4,mlp_ratio_1=3,"
                + "heads_2=8,mlp_ratio_2=4,heads_3=2,mlp_ratio_3=2,heads_4=1,mlp_ratio_4=2");
        Architecture other = SPACE.parse("layers=1,embed=64,bias=on,heads_1=4,mlp_ratio_1=3,"
                + "heads_2=1,mlp_ratio_2=2,heads_3=8,mlp_ratio_3=4,heads_4=4,mlp_ratio_4=3");

        assertThat(other).isEqualTo(shallow);
        assertThat(other.text()).isEqualTo(shallow.text());
        assertThat(other.isomorphismKey()).isEqualTo(shallow.isomorphismKey());
        assertThat(shallow.text()).contains("heads_2=1,mlp_ratio_2=2");
    }

    @Test
    void activeBlocksKeepTheirValues() {
        Architecture deep = SPACE.parse("layers=2,embed=32,bias=off,heads_1=2,mlp_ratio_1=4,"
                + "heads_2=8,mlp_ratio_2=3,heads_3=2,mlp_ratio_3=4,heads_4=4,mlp_ratio_4=3");

        assertThat(TinyGptSpace.config(deep)).isEqualTo(
                new Config(32, false, List.of(new Block(2, 4), new Block(8, 3))));
        assertThat(deep.text()).contains("heads_3=1,mlp_ratio_3=2,heads_4=1,mlp_ratio_4=2");
    }

    @Test
    void sizeCountsDistinctNetworks() {
        assertThat(SPACE.size()).isEqualTo(TinyGptSpace.NETWORKS);
        assertThat(SPACE.size()).isEqualTo(4L * 2 * (12 + 144 + 1728 + 20736));
    }

    @Test
    void sampledConfigsRoundTrip() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 300; i++) {
            Architecture architecture = SPACE.sample(random);

            assertThat(SPACE.parse(architecture.text())).isEqualTo(architecture);
            assertThat(TinyGptSpace.of(TinyGptSpace.config(architecture)))
                    .isEqualTo(architecture);
        }
    }

    @Test
    void mutationAlwaysChangesTheNetwork() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            Architecture parent = SPACE.sample(random);
            Architecture child = SPACE.mutate(parent, random);

            assertThat(child.isomorphismKey()).isNotEqualTo(parent.isomorphismKey());
        }
    }

    @Test
    void neighboursAreDistinctNetworks() {
        Architecture center = TinyGptSpace.of(new Config(64, true, List.of(new Block(4, 2))));
        List<Architecture> neighbours = SPACE.neighbours(center);
        Set<String> keys = new HashSet<>();
        neighbours.forEach(n -> keys.add(n.isomorphismKey()));

        // layers 3 other values, embed 3, bias 1, heads_1 3, mlp_ratio_1 2
        assertThat(neighbours).hasSize(12);
        assertThat(keys).hasSize(12).doesNotContain(center.isomorphismKey());
    }

    @Test
    void invalidHeadCountIsRejected() {
        assertThatThrownBy(() -> TinyGptSpace.of(new Config(64, true, List.of(new Block(3, 2)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 heads");
    }
}
