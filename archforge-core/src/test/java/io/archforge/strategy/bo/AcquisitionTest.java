package io.archforge.strategy.bo;

import io.archforge.predictor.Gaussian;
import io.archforge.predictor.Prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AcquisitionTest {

    @Test
    void normalCdfKnownValues() {
        assertThat(Gaussian.cdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(Gaussian.cdf(1.959964)).isCloseTo(0.975, within(2e-7));
        assertThat(Gaussian.cdf(-1)).isCloseTo(0.1586553, within(2e-7));
    }

    @Test
    void expectedImprovementAtIncumbent() {
        // With mean at the incumbent, EI = std * pdf(0).
        Prediction prediction = new Prediction(10, 2);

        double score = Acquisition.EI.score(prediction, 10, 0, 0, null);

        assertThat(score).isCloseTo(2 / Math.sqrt(2 * Math.PI), within(1e-9));
    }

    @Test
    void expectedImprovementWithoutUncertainty() {
        assertThat(Acquisition.EI.score(new Prediction(12, 0), 10, 0, 0, null)).isEqualTo(2);
        assertThat(Acquisition.EI.score(new Prediction(8, 0), 10, 0, 0, null)).isZero();
        assertThat(Acquisition.EI.score(new Prediction(12, 0), 10, 0, 1, null)).isEqualTo(1);
    }

    @Test
    void upperConfidenceBound() {
        assertThat(Acquisition.UCB.score(new Prediction(5, 2), 0, 1.5, 0, null)).isEqualTo(8);
    }

    @Test
    void meanIgnoresUncertainty() {
        assertThat(Acquisition.MEAN.score(new Prediction(5, 2), 9, 1.5, 1, null)).isEqualTo(5);
        assertThat(Acquisition.MEAN.score(new Prediction(5, 0), 9, 1.5, 1, null)).isEqualTo(5);
    }

    @Test
    void thompsonDrawsFromPosterior() {
        SplittableRandom random = new SplittableRandom(4);
        Prediction prediction = new Prediction(3, 2);
        double sum = 0;
        double squares = 0;
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            double draw = Acquisition.TS.score(prediction, 0, 0, 0, random);
            sum += draw;
            squares += draw * draw;
        }
        double mean = sum / draws;

        // Standard error of the mean 2 / sqrt(20000) = 0.014.
        assertThat(mean).isCloseTo(3, within(0.06));
        assertThat(Math.sqrt(squares / draws - mean * mean)).isCloseTo(2, within(0.06));
    }

    @Test
    void parsesKeys() {
        assertThat(Acquisition.parse("EI")).isEqualTo(Acquisition.EI);
        assertThat(Acquisition.parse("ts")).isEqualTo(Acquisition.TS);
        assertThat(Acquisition.parse(" Mean ")).isEqualTo(Acquisition.MEAN);
        assertThatThrownBy(() -> Acquisition.parse("pi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pi'")
                .hasMessageContaining("ei, ucb, ts and mean");
    }
}
