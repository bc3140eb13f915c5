package io.archforge.predictor.surrogate;

import io.archforge.predictor.Prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    @Test
    void interpolatesTrainingPoints() {
        List<double[]> inputs = new ArrayList<>();
        double[] targets = new double[12];
        for (int i = 0; i < targets.length; i++) {
            double x = i * 0.5;
            inputs.add(new double[] {x});
            targets[i] = Math.sin(x) * 10 + 50;
        }
        GaussianProcess process = new GaussianProcess();

        process.fit(inputs, targets);

        for (int i = 0; i < targets.length; i++) {
            Prediction prediction = process.predict(inputs.get(i));
            assertThat(prediction.mean()).as("mean at %d", i).isCloseTo(targets[i], within(0.05));
            assertThat(prediction.std()).as("std at %d", i).isLessThan(0.05);
        }
    }

    @Test
    void uncertaintyGrowsAwayFromData() {
        List<double[]> inputs = List.of(new double[] {0}, new double[] {1}, new double[] {2});
        GaussianProcess process = new GaussianProcess();
        process.fit(inputs, new double[] {1, 2, 1.5});

        double near = process.predict(new double[] {1.5}).std();
        double far = process.predict(new double[] {40}).std();

        assertThat(far).isGreaterThan(near);
        // Far from the data the prediction reverts to the mean of the targets.
        assertThat(process.predict(new double[] {40}).mean()).isCloseTo(1.5, within(1e-6));
    }

    @Test
    void constantTargetsPredictConstant() {
        GaussianProcess process = new GaussianProcess();
        process.fit(List.of(new double[] {0, 1}, new double[] {1, 0}), new double[] {7, 7});

        assertThat(process.predict(new double[] {1, 1}).mean()).isCloseTo(7, within(1e-9));
    }

    @Test
    void rejectsMismatchedTargets() {
        GaussianProcess process = new GaussianProcess();

        assertThatThrownBy(() -> process.fit(List.of(new double[] {0}), new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 inputs and 2 targets");
        assertThatThrownBy(() -> process.predict(new double[] {0}))
                .isInstanceOf(IllegalStateException.class);
    }
}
