package io.archforge.predictor.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.predictor.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomForestTest {

    private static final int ROWS = 60;
    private static final int FEATURES = 5;

    @Test
    void stumpSplitsOnInformativeFeature() {
        SplittableRandom data = new SplittableRandom(1);
        List<double[]> inputs = randomInputs(data);
        double[] targets = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            targets[i] = inputs.get(i)[0] > 0.5 ? 1 : 0;
        }
        RandomForest.Settings stumps = new RandomForest.Settings(10, 1, FEATURES, 1);
        RandomForest forest = new RandomForest(stumps, new SplittableRandom(2));

        forest.fit(inputs, targets);

        for (RegressionTree tree : forest.trees()) {
            assertThat(tree.rootFeature()).as("root feature").isZero();
            assertThat(tree.nodeCount()).as("nodes of a stump").isEqualTo(3);
        }
        Prediction low = forest.predict(new double[] {0.1, 0.9, 0.9, 0.9, 0.9});
        Prediction high = forest.predict(new double[] {0.9, 0.1, 0.1, 0.1, 0.1});
        assertThat(low.mean()).isZero();
        assertThat(high.mean()).isEqualTo(1);
        // Every tree agrees, so the std is the floor: a fraction of the targets' std.
        double floor = RandomForest.MIN_RELATIVE_STD * populationStd(targets);
        assertThat(low.std()).isPositive().isCloseTo(floor, within(floor * 1e-9));
        assertThat(high.std()).isCloseTo(floor, within(floor * 1e-9));
    }

    @Test
    void singleCandidateStillFindsSignal() {
        SplittableRandom data = new SplittableRandom(3);
        List<double[]> inputs = randomInputs(data);
        double[] targets = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            targets[i] = inputs.get(i)[0] > 0.5 ? 1 : 0;
        }
        RandomForest.Settings oneCandidate = new RandomForest.Settings(100, 1, 1, 8);
        RandomForest forest = new RandomForest(oneCandidate, new SplittableRandom(4));

        forest.fit(inputs, targets);

        Prediction low = forest.predict(new double[] {0.05, 0.5, 0.5, 0.5, 0.5});
        Prediction high = forest.predict(new double[] {0.95, 0.5, 0.5, 0.5, 0.5});
        assertThat(high.mean() - low.mean()).isGreaterThan(0.5);
        assertThat(low.std()).isGreaterThan(RandomForest.MIN_RELATIVE_STD);
    }

    @Test
    void sameSeedReplaysBootstrap() {
        SplittableRandom data = new SplittableRandom(5);
        List<double[]> inputs = randomInputs(data);
        double[] targets = noisyTargets(inputs, data);
        List<double[]> probes = randomInputs(data);
        RandomForest first = new RandomForest(RandomForest.Settings.DEFAULT,
                new SplittableRandom(6));
        RandomForest second = new RandomForest(RandomForest.Settings.DEFAULT,
                new SplittableRandom(6));
        RandomForest other = new RandomForest(RandomForest.Settings.DEFAULT,
                new SplittableRandom(7));

        first.fit(inputs, targets);
        second.fit(inputs, targets);
        other.fit(inputs, targets);

        int differing = 0;
        for (double[] probe : probes) {
            assertThat(second.predict(probe)).isEqualTo(first.predict(probe));
            if (!other.predict(probe).equals(first.predict(probe))) {
                differing++;
            }
        }
        assertThat(differing).as("probes predicted differently under another seed")
                .isPositive();
    }

    @Test
    void refitContinuesGenerator() {
        SplittableRandom data = new SplittableRandom(8);
        List<double[]> inputs = randomInputs(data);
        double[] targets = noisyTargets(inputs, data);
        double[] probe = {0.5, 0.5, 0.5, 0.5, 0.5};
        RandomForest forest = new RandomForest(RandomForest.Settings.DEFAULT,
                new SplittableRandom(9));

        forest.fit(inputs, targets);
        Prediction first = forest.predict(probe);
        forest.fit(inputs, targets);

        assertThat(forest.predict(probe)).isNotEqualTo(first);
    }

    @Test
    void depthLimitBoundsTrees() {
        SplittableRandom data = new SplittableRandom(10);
        List<double[]> inputs = randomInputs(data);
        double[] targets = noisyTargets(inputs, data);
        RandomForest forest = new RandomForest(new RandomForest.Settings(20, 1,
                RandomForest.Settings.THIRD_OF_FEATURES, 2), new SplittableRandom(11));

        forest.fit(inputs, targets);

        for (RegressionTree tree : forest.trees()) {
            assertThat(tree.nodeCount()).isBetween(3, 7);
        }
    }

    @Test
    void largeMinLeafKeepsRootLeaf() {
        SplittableRandom data = new SplittableRandom(12);
        List<double[]> inputs = randomInputs(data);
        double[] targets = noisyTargets(inputs, data);
        // Two leaves of at least 31 rows cannot come from 60 draws.
        RandomForest forest = new RandomForest(new RandomForest.Settings(5, ROWS / 2 + 1,
                FEATURES, RandomForest.Settings.UNLIMITED_DEPTH), new SplittableRandom(13));

        forest.fit(inputs, targets);

        for (RegressionTree tree : forest.trees()) {
            assertThat(tree.nodeCount()).isEqualTo(1);
        }
    }

    @Test
    void constantTargetsGiveFloorStd() {
        List<double[]> inputs = randomInputs(new SplittableRandom(14));
        double[] targets = new double[ROWS];
        Arrays.fill(targets, 2.5);
        RandomForest forest = new RandomForest(RandomForest.Settings.DEFAULT,
                new SplittableRandom(15));

        forest.fit(inputs, targets);
        Prediction prediction = forest.predict(new double[] {0.3, 0.3, 0.3, 0.3, 0.3});

        assertThat(prediction.mean()).isEqualTo(2.5);
        assertThat(prediction.std()).isEqualTo(RandomForest.MIN_RELATIVE_STD);
        assertThat(forest.trees()).allSatisfy(tree -> assertThat(tree.nodeCount()).isOne());
    }

    @Test
    void defaultCandidatesAreThirdOfFeatures() {
        RandomForest.Settings settings = RandomForest.Settings.DEFAULT;

        assertThat(settings.splitCandidates(100)).isEqualTo(33);
        assertThat(settings.splitCandidates(2)).isEqualTo(1);
        assertThat(new RandomForest.Settings(10, 1, 50, 3).splitCandidates(30)).isEqualTo(30);
    }

    @Test
    void invalidSettingsRejected() {
        assertThatThrownBy(() -> new RandomForest.Settings(1, 5, 0, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trees must be at least 2, got 1");
        assertThatThrownBy(() -> new RandomForest.Settings(10, 0, 0, 4))
                .hasMessageContaining("minLeafSize must be at least 1, got 0");
        assertThatThrownBy(() -> new RandomForest.Settings(10, 5, -1, 4))
                .hasMessageContaining("featuresPerSplit must be at least 0, got -1");
        assertThatThrownBy(() -> new RandomForest.Settings(10, 5, 0, 0))
                .hasMessageContaining("maxDepth must be at least 1, got 0");
    }

    @Test
    void predictBeforeFitFails() {
        RandomForest forest = new RandomForest(RandomForest.Settings.DEFAULT,
                new SplittableRandom(16));

        assertThatThrownBy(() -> forest.predict(new double[FEATURES]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call fit first");
    }

    @Test
    void badInputsRejected() {
        List<double[]> inputs = randomInputs(new SplittableRandom(17));
        double[] targets = new double[ROWS];
        RandomForest forest = new RandomForest(RandomForest.Settings.DEFAULT,
                new SplittableRandom(18));
        forest.fit(inputs, targets);
        List<double[]> withNaN = new ArrayList<>(inputs);
        withNaN.set(3, new double[] {0, 0, Double.NaN, 0, 0});

        assertThatThrownBy(() -> forest.predict(new double[FEATURES + 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 features")
                .hasMessageContaining("fitted on 5");
        assertThatThrownBy(() -> forest.fit(withNaN, targets))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input 3 has feature 2 = NaN");
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

    private static double[] noisyTargets(List<double[]> inputs, SplittableRandom random) {
        double[] targets = new double[inputs.size()];
        for (int i = 0; i < targets.length; i++) {
            double[] x = inputs.get(i);
            targets[i] = 3 * x[0] - 2 * x[1] + 0.1 * random.nextGaussian();
        }
        return targets;
    }

    private static double populationStd(double[] values) {
        double mean = Arrays.stream(values).sum() / values.length;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / values.length);
    }
}
