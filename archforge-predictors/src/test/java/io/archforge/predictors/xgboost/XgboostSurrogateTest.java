package io.archforge.predictors.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.predictor.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class XgboostSurrogateTest {

    private static final int ROWS = 80;
    private static final int FEATURES = 4;

    @Test
    void fitsStepFunction() {
        SplittableRandom data = new SplittableRandom(1);
        List<double[]> inputs = randomInputs(data);
        double[] targets = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            targets[i] = inputs.get(i)[0] > 0.5 ? 10 : 0;
        }
        XgboostSurrogate surrogate = new XgboostSurrogate(XgboostSurrogate.Settings.DEFAULT,
                new SplittableRandom(2));

        surrogate.fit(inputs, targets);

        double errors = 0;
        for (double[] probe : randomInputs(data)) {
            double truth = probe[0] > 0.5 ? 10 : 0;
            double predicted = surrogate.predict(probe).mean();
            assertThat(Math.abs(predicted - truth)).as("error at x0 = %s", probe[0])
                    .isLessThan(5);
            errors += Math.abs(predicted - truth);
        }
        // Each tree may split on 3 of the 4 features, so some fit noise, not the step.
        assertThat(errors / ROWS).as("mean absolute error").isLessThan(1);
    }

    @Test
    void membersDifferBySeed() {
        SplittableRandom data = new SplittableRandom(3);
        List<double[]> inputs = randomInputs(data);
        double[] targets = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            targets[i] = 3 * inputs.get(i)[0] - 2 * inputs.get(i)[1] + data.nextGaussian();
        }
        XgboostSurrogate surrogate = new XgboostSurrogate(XgboostSurrogate.Settings.DEFAULT,
                new SplittableRandom(4));

        surrogate.fit(inputs, targets);
        Prediction prediction = surrogate.predict(new double[] {0.5, 0.5, 0.5, 0.5});

        // Subsampling makes the members disagree by far more than the floor.
        assertThat(prediction.std()).isGreaterThan(1000 * XgboostSurrogate.MIN_RELATIVE_STD);
    }

    @Test
    void constantTargetsGiveFloorStd() {
        List<double[]> inputs = randomInputs(new SplittableRandom(5));
        double[] targets = new double[ROWS];
        Arrays.fill(targets, 4.25);
        XgboostSurrogate surrogate = new XgboostSurrogate(XgboostSurrogate.Settings.DEFAULT,
                new SplittableRandom(6));

        surrogate.fit(inputs, targets);
        Prediction prediction = surrogate.predict(new double[] {0.2, 0.2, 0.2, 0.2});

        assertThat(prediction.mean()).isEqualTo(4.25);
        assertThat(prediction.std()).isEqualTo(XgboostSurrogate.MIN_RELATIVE_STD);
    }

    @Test
    void invalidSettingsRejected() {
        assertThatThrownBy(() -> new XgboostSurrogate.Settings(1, 200, 4, 0.1, 0.8, 0.8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("boosters must be at least 2, got 1");
        assertThatThrownBy(() -> new XgboostSurrogate.Settings(5, 0, 4, 0.1, 0.8, 0.8))
                .hasMessageContaining("rounds must be at least 1, got 0");
        assertThatThrownBy(() -> new XgboostSurrogate.Settings(5, 200, 0, 0.1, 0.8, 0.8))
                .hasMessageContaining("maxDepth must be at least 1, got 0");
        assertThatThrownBy(() -> new XgboostSurrogate.Settings(5, 200, 4, 0, 0.8, 0.8))
                .hasMessageContaining("learningRate must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new XgboostSurrogate.Settings(5, 200, 4, 0.1, 1.5, 0.8))
                .hasMessageContaining("subsample must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> new XgboostSurrogate.Settings(5, 200, 4, 0.1, 0.8, Double.NaN))
                .hasMessageContaining("columnSample must be in (0, 1], got NaN");
    }

    @Test
    void badInputsRejected() {
        List<double[]> inputs = randomInputs(new SplittableRandom(7));
        double[] targets = new double[ROWS];
        XgboostSurrogate surrogate = new XgboostSurrogate(XgboostSurrogate.Settings.DEFAULT,
                new SplittableRandom(8));
        assertThatThrownBy(() -> surrogate.predict(new double[FEATURES]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call fit first");
        surrogate.fit(inputs, targets);
        List<double[]> withInfinity = new ArrayList<>(inputs);
        withInfinity.set(2, new double[] {0, Double.POSITIVE_INFINITY, 0, 0});

        assertThatThrownBy(() -> surrogate.predict(new double[FEATURES - 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 features")
                .hasMessageContaining("fitted on 4");
        assertThatThrownBy(() -> surrogate.fit(withInfinity, targets))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input 2 has feature 1 = Infinity");
    }

    @Test
    void versionReadFromJar() {
        assertThat(XgboostSurrogate.xgboostVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    private static List<double[]> randomInputs(SplittableRandom random) {
        List<double[]> inputs = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            double[] x = new double[FEATURES];
            for (int f = 0; f < FEATURES; f++) {
                x[f] = random.nextDouble();
            }
            inputs.add(x);
        }
        return inputs;
    }
}
