package io.archforge.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PathEncoderTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final PathEncoder ENCODER = new PathEncoder(NB201);

    @Test
    void nb201HasEightyFourFeatures() {
        assertThat(PathEncoder.featureCount(NB201)).isEqualTo(4 + 16 + 64);
        assertThat(ENCODER.dimension()).isEqualTo(84);
    }

    @Test
    void fullCellHasFourPaths() {
        Architecture cell = NB201.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|"
                + "+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");

        assertThat(ENCODER.paths(cell)).hasSize(4);
        // Labels use digits without the zero operation: conv 3x3 is digit 2.
        double[] features = ENCODER.encode(cell);
        assertThat(ones(features)).containsExactly(2, 4 + 2 * 4 + 2, 20 + 2 * 16 + 2 * 4 + 2);
    }

    @Test
    void zeroEdgesBreakPaths() {
        Architecture cell = NB201.parse("|nor_conv_3x3~0|+|none~0|none~1|"
                + "+|skip_connect~0|none~1|none~2|");

        assertThat(ENCODER.paths(cell)).containsExactly(List.of("skip_connect"));
        assertThat(ones(ENCODER.encode(cell))).containsExactly(0);
    }

    @Test
    void emptyCellEncodesToZeros() {
        Architecture cell = NB201.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");

        assertThat(ENCODER.paths(cell)).isEmpty();
        assertThat(ones(ENCODER.encode(cell))).isEmpty();
    }

    @Test
    void isomorphicCellsEncodeEqually() {
        // Swapping the two intermediate nodes gives the same network, pool(x) +
        // conv3(conv1(x)), though the zero edge 1->2 leaves it another isomorphism key.
        Architecture a = NB201.parse("|nor_conv_1x1~0|+|avg_pool_3x3~0|none~1|"
                + "+|none~0|nor_conv_3x3~1|skip_connect~2|");
        Architecture b = NB201.parse("|avg_pool_3x3~0|+|nor_conv_1x1~0|none~1|"
                + "+|none~0|skip_connect~1|nor_conv_3x3~2|");

        assertThat(a).isNotEqualTo(b);
        assertThat(ENCODER.encode(a)).containsExactly(ENCODER.encode(b));
    }

    @Test
    void cellsOfOneClassWithOnePathSetEncodeEqually() {
        Architecture a = NB201.parse("|nor_conv_1x1~0|+|nor_conv_3x3~0|none~1|"
                + "+|skip_connect~0|none~1|none~2|");
        Architecture b = NB201.parse("|avg_pool_3x3~0|+|nor_conv_3x3~0|none~1|"
                + "+|skip_connect~0|none~1|none~2|");

        assertThat(a.isomorphismKey()).isEqualTo(b.isomorphismKey());
        assertThat(ENCODER.encode(a)).containsExactly(ENCODER.encode(b));
    }

    @Test
    void danglingEdgeDoesNotChangeEncoding() {
        Architecture conv = NB201.parse("|nor_conv_3x3~0|+|none~0|none~1|"
                + "+|skip_connect~0|none~1|none~2|");
        Architecture pool = NB201.parse("|avg_pool_3x3~0|+|none~0|none~1|"
                + "+|skip_connect~0|none~1|none~2|");

        assertThat(ENCODER.encode(conv)).containsExactly(ENCODER.encode(pool));
    }

    @Test
    void featureCountMatchesPathLabels() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            Architecture cell = NB201.sample(random);
            long distinct = ENCODER.paths(cell).stream().distinct().count();
            assertThat(ones(ENCODER.encode(cell))).hasSize((int) distinct);
        }
    }

    @Test
    void largeCellSpaceFallsBackToOneHot() {
        CellSpace large = new CellSpace("large", 12, NB201.operations(), "none",
                "skip_connect");

        assertThat(PathEncoder.featureCount(large)).isGreaterThan(PathEncoder.MAX_FEATURES);
        assertThat(Encoders.pathOrOneHot(large)).isInstanceOf(OneHotEncoder.class);
        assertThat(Encoders.pathOrOneHot(NB201)).isInstanceOf(PathEncoder.class);
        assertThatThrownBy(() -> new PathEncoder(large))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one_hot");
    }

    private static List<Integer> ones(double[] features) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < features.length; i++) {
            if (features[i] == 1) {
                indices.add(i);
            } else {
                assertThat(features[i]).as("feature %d", i).isZero();
            }
        }
        return indices;
    }
}
