package io.archforge.benchmarks.latency;

import io.archforge.latency.LatencyPredictor;
import io.archforge.latency.LatencyScore;
import io.archforge.space.Architecture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The latency predictor protocol: fit on the latencies of N architectures measured on one
 * device, predict a fixed held-out set, and report the mean absolute percentage error
 * and the share of held-out architectures within 10%.
 *
 * <p>The held-out set is drawn once per table with a fixed seed and shared by every
 * device, method, size and seed; training architectures never come from it. A fixed set
 * of {@code referenceCount} reference architectures is then drawn from the rest, and
 * every training set begins with them: the training set of size N for a seed is the
 * references followed by a seeded shuffle of the other architectures, cut at N. So every
 * method gets the same architectures, a larger set contains every smaller one, and the
 * transfer method finds the target's latency on each reference (its device embedding).
 */
public final class LatencyBenchmark {

    /** The number of reference architectures by default. */
    public static final int REFERENCES = 10;

    /** The seed of the held-out draw. */
    private static final long TEST_SEED = 0x4C415445L;
    /** The seed of the reference draw. */
    private static final long REFERENCE_SEED = 0x52454653L;

    private final DeviceLatencyTable table;
    private final List<Architecture> test;
    private final List<Architecture> references;
    private final List<Architecture> rest;

    /**
     * Draws the held-out set and the references.
     *
     * @throws IllegalArgumentException when the table cannot hold both and one training
     *     architecture beyond the references
     */
    public LatencyBenchmark(DeviceLatencyTable table, int testSize, int referenceCount) {
        this.table = Objects.requireNonNull(table, "table");
        int size = table.architectures().size();
        if (testSize < 1) {
            throw new IllegalArgumentException("test size " + testSize + " leaves nothing to "
                    + "score; use a test size of at least 1, such as 1000");
        }
        if (referenceCount < 0 || testSize + referenceCount >= size) {
            throw new IllegalArgumentException("test size " + testSize + " and "
                    + referenceCount + " references must leave training architectures among the "
                    + size + " of " + table.benchmark() + "; lower the test size");
        }
        List<Architecture> all = new ArrayList<>(table.architectures());
        shuffle(all, new SplittableRandom(TEST_SEED));
        this.test = List.copyOf(all.subList(0, testSize));
        List<Architecture> pool = new ArrayList<>(all.subList(testSize, all.size()));
        shuffle(pool, new SplittableRandom(REFERENCE_SEED));
        this.references = List.copyOf(pool.subList(0, referenceCount));
        this.rest = List.copyOf(pool.subList(referenceCount, pool.size()));
    }

    /** Returns the table. */
    public DeviceLatencyTable table() {
        return table;
    }

    /** Returns the held-out architectures. */
    public List<Architecture> testSet() {
        return test;
    }

    /** Returns the reference architectures, the first of every training set. */
    public List<Architecture> references() {
        return references;
    }

    /** Returns the maximum training-set size: every architecture outside the held-out set. */
    public int maxTrainSize() {
        return references.size() + rest.size();
    }

    /**
     * Returns the training set of {@code size} architectures for {@code seed}.
     *
     * @throws IllegalArgumentException when the size is below 1 or above
     *     {@link #maxTrainSize()}
     */
    public List<Architecture> trainingSet(int size, long seed) {
        if (size < 1 || size > maxTrainSize()) {
            throw new IllegalArgumentException("train size " + size + " must be from 1 to "
                    + maxTrainSize() + " for " + table.benchmark() + " with " + test.size()
                    + " architectures held out");
        }
        List<Architecture> order = new ArrayList<>(references);
        List<Architecture> shuffled = new ArrayList<>(rest);
        shuffle(shuffled, new SplittableRandom(seed));
        order.addAll(shuffled);
        return List.copyOf(order.subList(0, size));
    }

    /**
     * Fits {@code candidate} for {@code device} on the training set of {@code size} for
     * {@code seed} and scores it on the held-out set.
     */
    public LatencyRun run(LatencyCandidate candidate, String device, int size, long seed) {
        table.deviceIndex(device);
        List<Architecture> train = trainingSet(size, seed);
        checkDisjoint(train);
        LatencyPredictor predictor = candidate.factory().create(device, seed);

        long start = System.nanoTime();
        predictor.fit(train, latencies(train, device));
        double fitSeconds = (System.nanoTime() - start) / 1e9;

        LatencyScore score = LatencyScore.of(predictor.predictMs(test), latencies(test, device));
        return new LatencyRun(table.benchmark(), device, candidate.method(),
                candidate.predictor(), size, test.size(), seed, score.mape(), score.within10(),
                fitSeconds);
    }

    /** Returns the measured latencies of {@code architectures} on {@code device}, in ms. */
    public double[] latencies(List<Architecture> architectures, String device) {
        double[] latencies = new double[architectures.size()];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = table.latencyMs(architectures.get(i), device);
        }
        return latencies;
    }

    private void checkDisjoint(List<Architecture> train) {
        Set<Architecture> heldOut = new HashSet<>(test);
        for (Architecture architecture : train) {
            if (heldOut.contains(architecture)) {
                throw new IllegalStateException("training architecture " + architecture.text()
                        + " is also held out");
            }
        }
    }

    private static void shuffle(List<Architecture> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Architecture swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
