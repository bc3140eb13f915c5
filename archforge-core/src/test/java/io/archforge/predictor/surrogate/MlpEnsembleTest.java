package io.archforge.predictor.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpEnsembleTest {

    private static final MlpEnsemble.Settings SETTINGS =
            new MlpEnsemble.Settings(5, 2, 32, 300, 16, 0.01, 100_000);

    @Test
    void fitsLinearFunction() {
        SplittableRandom random = new SplittableRandom(1);
        List<double[]> inputs = new ArrayList<>();
        double[] targets = new double[100];
        for (int i = 0; i < targets.length; i++) {
            double[] x = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            inputs.add(x);
            targets[i] = target(x);
        }
        MlpEnsemble ensemble = new MlpEnsemble(SETTINGS, new SplittableRandom(2));

        ensemble.fit(inputs, targets);

        double squares = 0;
        for (int i = 0; i < 50; i++) {
            double[] x = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            double error = ensemble.predict(x).mean() - target(x);
            squares += error * error;
        }
        // The targets span about 9 units, with a standard deviation near 1.9.
        assertThat(Math.sqrt(squares / 50)).isLessThan(0.3);
    }

    @Test
    void spreadIsLargerOffData() {
        List<double[]> inputs = new ArrayList<>();
        double[] targets = new double[20];
        for (int i = 0; i < targets.length; i++) {
            double x = i / 20.0;
            inputs.add(new double[] {x});
            targets[i] = 3 * x;
        }
        MlpEnsemble ensemble = new MlpEnsemble(SETTINGS, new SplittableRandom(5));
        ensemble.fit(inputs, targets);

        double inside = ensemble.predict(new double[] {0.5}).std();
        double outside = ensemble.predict(new double[] {30}).std();

        assertThat(outside).isGreaterThan(inside);
    }

    @Test
    void sameSeedSamePrediction() {
        List<double[]> inputs = List.of(new double[] {0, 1}, new double[] {1, 0},
                new double[] {1, 1});
        double[] targets = {1, 2, 4};
        MlpEnsemble first = new MlpEnsemble(SETTINGS, new SplittableRandom(9));
        MlpEnsemble second = new MlpEnsemble(SETTINGS, new SplittableRandom(9));

        first.fit(inputs, targets);
        second.fit(inputs, targets);

        assertThat(first.predict(new double[] {0.5, 0.5}))
                .isEqualTo(second.predict(new double[] {0.5, 0.5}));
    }

    private static double target(double[] x) {
        return 2 * x[0] - 3 * x[1] + 4 * x[2] + 1;
    }
}
