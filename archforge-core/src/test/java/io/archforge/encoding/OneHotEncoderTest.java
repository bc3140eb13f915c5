package io.archforge.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneHotEncoderTest {

    private static final ChoiceSpace MIXED = new ChoiceSpace("mixed", List.of(
            new Choice.Categorical("act", List.of("relu", "gelu", "tanh")),
            new Choice.IntRange("depth", 2, 8, 2),
            new Choice.IntRange("width", 16, 512, 1),
            new Choice.FloatRange("lr", 1e-4, 1e-1, true),
            new Choice.FloatRange("dropout", 0, 0.5, false)));

    @Test
    void mixedSpaceLayout() {
        OneHotEncoder encoder = new OneHotEncoder(MIXED);
        // 3 options, 4 depth values, then one scaled feature each for the rest.
        assertThat(encoder.dimension()).isEqualTo(3 + 4 + 1 + 1 + 1);

        Architecture arch = MIXED.of(List.of(1, 6, 16 + 248, 1e-2, 0.5));
        double[] features = encoder.encode(arch);

        assertThat(features).startsWith(0, 1, 0, 0, 0, 1, 0);
        assertThat(features[7]).isCloseTo(0.5, within(1e-12));
        assertThat(features[8]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(features[9]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void nb201RowsHaveOneOnePerEdge() {
        CellSpace nb201 = CellSpace.nb201();
        OneHotEncoder encoder = new OneHotEncoder(nb201);
        double[] features = encoder.encode(nb201.parse("|skip_connect~0|+|none~0|"
                + "nor_conv_1x1~1|+|avg_pool_3x3~0|nor_conv_3x3~1|none~2|"));

        assertThat(encoder.dimension()).isEqualTo(30);
        assertThat(Arrays.stream(features).sum()).isEqualTo(6);
        assertThat(features[1]).isEqualTo(1);
        assertThat(features[5]).isEqualTo(1);
        assertThat(features[12]).isEqualTo(1);
        assertThat(features[19]).isEqualTo(1);
        assertThat(features[23]).isEqualTo(1);
        assertThat(features[25]).isEqualTo(1);
    }

    @Test
    void rejectsForeignArchitecture() {
        OneHotEncoder encoder = new OneHotEncoder(MIXED);
        Architecture cell = CellSpace.nb201().parse(
                "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");

        assertThatThrownBy(() -> encoder.encode(cell))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mixed");
    }
}
