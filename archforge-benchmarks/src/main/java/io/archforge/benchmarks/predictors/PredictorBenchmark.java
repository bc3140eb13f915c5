package io.archforge.benchmarks.predictors;

import io.archforge.benchmarks.tables.ArchitectureTable;
import io.archforge.encoding.ArchitectureGraph;
import io.archforge.encoding.GraphForm;
import io.archforge.encoding.GraphForms;
import io.archforge.predictor.Prediction;
import io.archforge.predictor.Predictor;
import io.archforge.predictor.RankCorrelation;
import io.archforge.space.Architecture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The predictor evaluation protocol of White et al., "How Powerful are Performance
 * Predictors in Neural Architecture Search?" (NeurIPS 2021): fit on a random training
 * set of a given size, predict a held-out set, and compare the predictions with the
 * table's values by rank correlation.
 *
 * <p>The held-out set is drawn once per table with a fixed seed, so every predictor,
 * size and seed is scored on the same architectures. Training sets are drawn from the
 * rest, per seed, and nested: the first {@code n} architectures of one permutation per
 * seed, so a larger set contains every smaller one. White et al. fit on validation
 * accuracy; this protocol fits on whatever value the table records, which
 * {@link ArchitectureTable#metric()} names (200-epoch test accuracy for NAS-Bench-201).
 *
 * <p>Architectures whose graph forms are equal count once, with the mean of their
 * values: NASLib's 500 NAS-Bench-101 rows prune to 301 distinct cells, and without
 * this step copies of one network would sit on both sides of the split.
 */
public final class PredictorBenchmark {

    /** The training-set sizes of White et al. (2021). */
    public static final List<Integer> TRAIN_SIZES = List.of(5, 8, 14, 24, 42, 71, 100, 121, 205);
    /** The default held-out set size. */
    public static final int TEST_SIZE = 200;

    /** The seed of the held-out draw, shared by every run on a table. */
    private static final long TEST_SEED = 0x54455354L;
    /** The z-value of a central 95% Gaussian interval. */
    private static final double Z95 = 1.959963984540054;

    private final ArchitectureTable table;
    private final List<Architecture> test;
    private final List<Architecture> pool;
    private final double[] testValues;
    private final Map<Architecture, Double> values = new HashMap<>();

    /**
     * Draws the held-out set of {@code testSize} architectures from {@code table}.
     *
     * @throws IllegalArgumentException when the table has no architecture left for training
     */
    public PredictorBenchmark(ArchitectureTable table, int testSize) {
        this.table = Objects.requireNonNull(table, "table");
        List<Architecture> all = distinct(table);
        if (testSize < 2 || testSize >= all.size()) {
            throw new IllegalArgumentException("test size " + testSize + " must be at least 2 "
                    + "and below the " + all.size() + " architectures of " + table.benchmark()
                    + " " + table.dataset());
        }
        shuffle(all, new SplittableRandom(TEST_SEED));
        this.test = List.copyOf(all.subList(0, testSize));
        this.pool = List.copyOf(all.subList(testSize, all.size()));
        this.testValues = values(test);
    }

    /**
     * One architecture per distinct graph form, in table order, each valued at the
     * mean of its group; fills {@link #values}.
     */
    private List<Architecture> distinct(ArchitectureTable table) {
        GraphForm form = GraphForms.of(table.space());
        Map<List<ArchitectureGraph>, List<Architecture>> groups = new LinkedHashMap<>();
        for (Architecture architecture : table.architectures()) {
            groups.computeIfAbsent(form.graphs(architecture), k -> new ArrayList<>())
                    .add(architecture);
        }
        List<Architecture> distinct = new ArrayList<>();
        for (List<Architecture> group : groups.values()) {
            double mean = group.stream().mapToDouble(table::value).average().orElseThrow();
            values.put(group.get(0), mean);
            distinct.add(group.get(0));
        }
        return distinct;
    }

    /** Counts the distinct architectures, held-out ones included. */
    public int size() {
        return test.size() + pool.size();
    }

    /** The table. */
    public ArchitectureTable table() {
        return table;
    }

    /** Returns the maximum number of training architectures a run can draw. */
    public int maxTrainSize() {
        return pool.size();
    }

    /** Returns the held-out architectures. */
    public List<Architecture> testSet() {
        return test;
    }

    /** Returns the training set of {@code size} architectures for {@code seed}. */
    public List<Architecture> trainingSet(int size, long seed) {
        if (size < 1 || size > pool.size()) {
            throw new IllegalArgumentException("train size " + size + " must be from 1 to "
                    + pool.size() + " for " + table.benchmark() + " " + table.dataset()
                    + " with " + test.size() + " held out");
        }
        List<Architecture> order = new ArrayList<>(pool);
        shuffle(order, new SplittableRandom(seed));
        return List.copyOf(order.subList(0, size));
    }

    /**
     * Fits {@code candidate} on the training set of {@code size} for {@code seed} and
     * scores it on the held-out set.
     */
    public PredictorRun run(PredictorCandidate candidate, int size, long seed) {
        List<Architecture> train = trainingSet(size, seed);
        Predictor predictor = candidate.factory().create(table.space(), seed);
        long start = System.nanoTime();
        predictor.fit(train, values(train));
        double fitSeconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        List<Prediction> predictions = predictor.predict(test);
        double querySeconds = (System.nanoTime() - start) / 1e9;

        double[] means = new double[test.size()];
        int inside68 = 0;
        int inside95 = 0;
        for (int i = 0; i < means.length; i++) {
            Prediction prediction = predictions.get(i);
            means[i] = prediction.mean();
            double error = Math.abs(testValues[i] - prediction.mean());
            if (error <= prediction.std()) {
                inside68++;
            }
            if (error <= Z95 * prediction.std()) {
                inside95++;
            }
        }
        return new PredictorRun(table.benchmark(), table.dataset(), table.metric(),
                candidate.name(), candidate.encoding(), size, test.size(), seed,
                RankCorrelation.kendallTau(means, testValues),
                RankCorrelation.spearman(means, testValues),
                RankCorrelation.topPrecision(means, testValues, 0.1),
                inside68 / (double) means.length, inside95 / (double) means.length,
                fitSeconds, querySeconds);
    }

    /** Returns the table's values, negated when lower is better, so predictors always maximise. */
    private double[] values(List<Architecture> architectures) {
        double sign = table.higherIsBetter() ? 1 : -1;
        double[] values = new double[architectures.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = sign * this.values.get(architectures.get(i));
        }
        return values;
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
