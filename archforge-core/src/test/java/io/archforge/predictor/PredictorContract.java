package io.archforge.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.encoding.OneHotEncoder;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.MacroSpace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Predictor} must have, checked on NAS-Bench-201 cells with
 * synthetic targets. A predictor's test extends this class and implements
 * {@link #factory}; the rules checked here are:
 * <ul>
 *   <li>two predictors created with the same seed and fitted to the same data give the
 *       same predictions, and so does a refit;</li>
 *   <li>every predicted standard deviation is positive;</li>
 *   <li>a fit with fewer than {@link Predictor#minTrainingSize()} architectures, with an
 *       architecture of another space or with a target count that does not match is
 *       rejected, and the message names what is needed;</li>
 *   <li>predicting before a fit fails, and predicting an architecture of another space
 *       is rejected;</li>
 *   <li>after training on {@value #RANKING_TRAINING_SIZE} architectures whose target is
 *       a linear function of the one-hot encoding, the predicted means rank
 *       {@value #RANKING_HELD_OUT_SIZE} held-out architectures with a Spearman rank
 *       correlation above {@link #minSpearman()}, which is {@value #MIN_SPEARMAN} unless
 *       a predictor's test lowers it and gives the reason.</li>
 * </ul>
 */
public abstract class PredictorContract {

    /** The space every check fits and predicts. */
    protected static final CellSpace SPACE = CellSpace.nb201();
    /** Architectures in the training set of the ranking check. */
    protected static final int RANKING_TRAINING_SIZE = 100;
    /** Held-out architectures the ranking check predicts. */
    protected static final int RANKING_HELD_OUT_SIZE = 200;
    /** The least Spearman rank correlation the ranking check accepts by default. */
    protected static final double MIN_SPEARMAN = 0.9;

    /** Architectures in the training set of the other checks. */
    private static final int TABLE_SIZE = 40;
    /** Standard deviation of the noise on the operation-count target. */
    private static final double NOISE_STD = 0.1;
    /** Weight of each NAS-Bench-201 operation, in operation order, in the count target. */
    private static final double[] OPERATION_WEIGHTS = {-1, 0.5, 1, 2, 0.25};

    /** Creates the factory of the predictor under test. */
    protected abstract PredictorFactory factory();

    /** Returns the least Spearman rank correlation the ranking check accepts. */
    protected double minSpearman() {
        return MIN_SPEARMAN;
    }

    private Predictor create(long seed) {
        return factory().create(SPACE, seed);
    }

    @Test
    void sameSeedReplaysExactly() {
        List<Architecture> training = distinctArchitectures(TABLE_SIZE, 1, Set.of());
        double[] targets = operationCountTargets(training, 2);
        List<Architecture> probes = distinctArchitectures(20, 3, Set.copyOf(training));
        Predictor first = create(7);
        Predictor second = create(7);

        first.fit(training, targets);
        second.fit(training, targets);
        List<Prediction> firstPredictions = first.predict(probes);
        List<Prediction> secondPredictions = second.predict(probes);
        first.fit(training, targets);
        List<Prediction> refitPredictions = first.predict(probes);

        assertThat(secondPredictions).isEqualTo(firstPredictions);
        assertThat(refitPredictions).isEqualTo(firstPredictions);
    }

    @Test
    void everyStdIsPositive() {
        List<Architecture> training = distinctArchitectures(TABLE_SIZE, 4, Set.of());
        List<Architecture> heldOut = distinctArchitectures(50, 5, Set.copyOf(training));
        Predictor predictor = create(8);
        predictor.fit(training, operationCountTargets(training, 6));

        List<Architecture> probes = new ArrayList<>(training);
        probes.addAll(heldOut);
        for (Architecture probe : probes) {
            Prediction prediction = predictor.predict(probe);
            assertThat(prediction.std()).as("std of %s", probe.text()).isPositive();
            assertThat(prediction.mean()).as("mean of %s", probe.text()).isFinite();
        }
    }

    @Test
    void tooFewArchitecturesRejected() {
        Predictor predictor = create(9);
        int min = predictor.minTrainingSize();
        List<Architecture> training = distinctArchitectures(min - 1, 10, Set.of());
        double[] targets = operationCountTargets(training, 11);

        assertThatThrownBy(() -> predictor.fit(training, targets))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least " + min)
                .hasMessageContaining("got " + (min - 1));
    }

    @Test
    void architectureFromOtherSpaceRejected() {
        Predictor predictor = create(12);
        List<Architecture> training =
                new ArrayList<>(distinctArchitectures(TABLE_SIZE, 13, Set.of()));
        Architecture macro = MacroSpace.create().sample(new SplittableRandom(14));
        training.add(macro);
        double[] targets = new double[training.size()];

        assertThatThrownBy(() -> predictor.fit(training, targets))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(macro.text())
                .hasMessageContaining("'" + MacroSpace.NAME + "'")
                .hasMessageContaining("'" + SPACE.name() + "'");
    }

    @Test
    void mismatchedTargetsRejected() {
        Predictor predictor = create(15);
        List<Architecture> training = distinctArchitectures(TABLE_SIZE, 16, Set.of());
        double[] targets = new double[TABLE_SIZE - 1];

        assertThatThrownBy(() -> predictor.fit(training, targets))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one target per architecture")
                .hasMessageContaining(TABLE_SIZE + " architectures");
    }

    @Test
    void predictBeforeFitFails() {
        Predictor predictor = create(17);
        Architecture architecture = SPACE.sample(new SplittableRandom(18));

        assertThatThrownBy(() -> predictor.predict(architecture))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(predictor.name())
                .hasMessageContaining("fit");
    }

    @Test
    void predictOtherSpaceRejected() {
        Predictor predictor = create(19);
        List<Architecture> training = distinctArchitectures(TABLE_SIZE, 20, Set.of());
        predictor.fit(training, operationCountTargets(training, 21));
        Architecture macro = MacroSpace.create().sample(new SplittableRandom(22));

        assertThatThrownBy(() -> predictor.predict(macro))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + MacroSpace.NAME + "'")
                .hasMessageContaining("'" + SPACE.name() + "'");
    }

    @Test
    void linearTargetRankedWell() {
        List<Architecture> training =
                distinctArchitectures(RANKING_TRAINING_SIZE, 23, Set.of());
        List<Architecture> heldOut =
                distinctArchitectures(RANKING_HELD_OUT_SIZE, 24, Set.copyOf(training));
        double[] weights = linearWeights(25);
        Predictor predictor = create(26);

        predictor.fit(training, linearTargets(training, weights));
        double[] predicted =
                predictor.predict(heldOut).stream().mapToDouble(Prediction::mean).toArray();

        double spearman = spearman(predicted, linearTargets(heldOut, weights));
        assertThat(spearman).as("Spearman rank correlation on held-out architectures")
                .isGreaterThan(minSpearman());
    }

    /**
     * Samples {@code count} distinct NAS-Bench-201 architectures, none of them in
     * {@code excluded}, from a generator seeded with {@code seed}.
     */
    protected static List<Architecture> distinctArchitectures(int count, long seed,
            Set<Architecture> excluded) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Architecture> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            Architecture architecture = SPACE.sample(random);
            if (!excluded.contains(architecture)) {
                chosen.add(architecture);
            }
        }
        return List.copyOf(chosen);
    }

    /**
     * A weighted count of each architecture's operations, by {@link #OPERATION_WEIGHTS},
     * plus Gaussian noise of standard deviation {@value #NOISE_STD} drawn from
     * {@code noiseSeed}.
     */
    protected static double[] operationCountTargets(List<Architecture> architectures,
            long noiseSeed) {
        SplittableRandom noise = new SplittableRandom(noiseSeed);
        double[] targets = new double[architectures.size()];
        for (int i = 0; i < targets.length; i++) {
            Architecture architecture = architectures.get(i);
            double sum = 0;
            for (int edge = 0; edge < SPACE.edgeCount(); edge++) {
                sum += OPERATION_WEIGHTS[architecture.intGene(edge)];
            }
            targets[i] = sum + NOISE_STD * noise.nextGaussian();
        }
        return targets;
    }

    /**
     * Draws one weight per one-hot feature of {@link #SPACE}: the operation's weight in
     * {@link #OPERATION_WEIGHTS} plus a uniform edge-specific term in [-0.5, 0.5)
     * drawn from {@code seed}, so the same operation is worth more on some edges.
     */
    protected static double[] linearWeights(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int operations = SPACE.operations().size();
        double[] weights = new double[SPACE.edgeCount() * operations];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = OPERATION_WEIGHTS[k % operations] + random.nextDouble() - 0.5;
        }
        return weights;
    }

    /** The dot product of each architecture's one-hot encoding with {@code weights}. */
    protected static double[] linearTargets(List<Architecture> architectures,
            double[] weights) {
        OneHotEncoder encoder = new OneHotEncoder(SPACE);
        assertThat(encoder.dimension()).as("one-hot dimension").isEqualTo(weights.length);
        double[] targets = new double[architectures.size()];
        for (int i = 0; i < targets.length; i++) {
            double[] features = encoder.encode(architectures.get(i));
            for (int k = 0; k < features.length; k++) {
                targets[i] += weights[k] * features[k];
            }
        }
        return targets;
    }

    /** Computes the Spearman rank correlation of {@code a} and {@code b}. */
    protected static double spearman(double[] a, double[] b) {
        return RankCorrelation.spearman(a, b);
    }
}
