package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.ForecastingSpace.BlockType;
import io.archforge.space.ForecastingSpace.Design;
import io.archforge.space.ForecastingSpace.LookbackFraction;
import io.archforge.space.ForecastingSpace.Normalization;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForecastingSpaceTest {

    @Test
    void designRoundTripsThroughText() {
        Design design = new Design(BlockType.TCN, 32, 2, Normalization.REVIN,
                LookbackFraction.HALF, 0.003, 1e-5, 64, 0.1);

        Architecture architecture = ForecastingSpace.of(design);
        Architecture parsed = ForecastingSpace.create().parse(architecture.text());

        assertThat(ForecastingSpace.design(parsed)).isEqualTo(design);
        assertThat(architecture.text()).startsWith("block=tcn,hidden=32,depth=2,"
                + "normalization=revin,lookback=half,recipe.learning_rate=0.003,");
    }

    @Test
    void sampledArchitecturesDecode() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            Design design = ForecastingSpace.design(ForecastingSpace.create().sample(random));

            assertThat(ForecastingSpace.HIDDEN_SIZES).contains(design.hidden());
            assertThat(design.depth()).isBetween(ForecastingSpace.MIN_DEPTH,
                    ForecastingSpace.MAX_DEPTH);
            assertThat(design.learningRate()).isBetween(3e-4, 3e-2);
            assertThat(design.dropout()).isBetween(0.0, 0.3);
        }
    }

    @Test
    void registeredUnderItsName() {
        assertThat(SearchSpaces.names()).contains(ForecastingSpace.NAME);
        assertThat(SearchSpaces.byName(ForecastingSpace.NAME))
                .isEqualTo(ForecastingSpace.create());
    }

    @Test
    void lookbackFractionDividesWindow() {
        assertThat(LookbackFraction.QUARTER.steps(96)).isEqualTo(24);
        assertThat(LookbackFraction.HALF.steps(96)).isEqualTo(48);
        assertThat(LookbackFraction.FULL.steps(96)).isEqualTo(96);
        assertThat(LookbackFraction.QUARTER.steps(3)).isEqualTo(1);
    }

    @Test
    void otherSpaceIsRejected() {
        Architecture macro = MacroSpace.create().sample(new SplittableRandom(1));

        assertThatThrownBy(() -> ForecastingSpace.design(macro))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 'forecasting'");
    }

    @Test
    void unlistedHiddenSizeIsRejected() {
        Design design = new Design(BlockType.MLP, 48, 1, Normalization.NONE,
                LookbackFraction.FULL, 0.001, 1e-4, 32, 0.0);

        assertThatThrownBy(() -> ForecastingSpace.of(design))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid hidden 48");
    }
}
