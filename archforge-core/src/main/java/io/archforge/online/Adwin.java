package io.archforge.online;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * ADWIN, the adaptive sliding window of Bifet and Gavaldà (2007, "Learning from
 * time-changing data with adaptive windowing", SIAM International Conference on Data
 * Mining), in the ADWIN2 form that stores the window as an exponential histogram.
 *
 * <p>The window is a list of buckets: row {@code i} contains at most {@code maxBuckets}
 * buckets of {@code 2^i} values each, with their count, mean and sum of squared
 * deviations, so memory and the work per test grow with the logarithm of the window
 * length. At each test, every split of the window into an older part {@code W0} (sizes
 * {@code n0}) and a newer part {@code W1} ({@code n1}) on a bucket boundary is checked
 * with the cut of the paper's Hoeffding-style bound with the variance term:
 * {@code ε = sqrt((2/m) σ² ln(2/δ')) + (2R / (3m)) ln(2/δ')}, where {@code m = 1 / (1/n0
 * + 1/n1)}, {@code σ²} is the window's variance, {@code R} its range and {@code δ' = δ /
 * ln n}. When the two means differ by more than {@code ε}, the oldest bucket is dropped
 * and the test repeats. The paper bounds the chance of a false cut at one test by {@code
 * δ} for values in [0, 1], where {@code R = 1}. This implementation puts the window's
 * observed range (its maximum minus its minimum) in place of 1, so that the test does not
 * depend on the scale of the values. The range is then an estimate, and the bound holds
 * only approximately.
 *
 * <p>The window shrinks on a fall of the mean as well, but only a rise (the newer part's
 * mean above the older part's) raises an alarm, because a falling error needs no
 * reaction.
 */
public final class Adwin implements DriftDetector {

    /** Default confidence {@code δ}. */
    public static final double DEFAULT_DELTA = 0.002;

    /** Default maximum buckets per row of the histogram. */
    public static final int DEFAULT_MAX_BUCKETS = 5;

    /** Default minimum values on each side of a split. */
    public static final int DEFAULT_MIN_SIDE = 5;

    private final double delta;
    private final int maxBuckets;
    private final int minSide;

    /** The histogram rows; row {@code i} contains buckets of {@code 2^i} values, oldest first. */
    private final List<ArrayDeque<Bucket>> rows = new ArrayList<>();

    private Bucket window = Bucket.EMPTY;
    private long count;
    private long alarms;

    /**
     * Creates a detector.
     *
     * @param delta the confidence of the cut test, in (0, 1)
     * @param maxBuckets buckets per histogram row before two merge, at least 2
     * @param minSide values needed on each side of a split, at least 1
     * @throws IllegalArgumentException when a setting is out of range
     */
    public Adwin(double delta, int maxBuckets, int minSide) {
        if (!(delta > 0 && delta < 1) || maxBuckets < 2 || minSide < 1) {
            throw new IllegalArgumentException("ADWIN needs 0 < delta < 1, at least 2 buckets"
                    + " per row and at least 1 value per side, got delta " + delta
                    + ", maxBuckets " + maxBuckets + ", minSide " + minSide);
        }
        this.delta = delta;
        this.maxBuckets = maxBuckets;
        this.minSide = minSide;
    }

    /** Creates a detector with the default settings. */
    public Adwin() {
        this(DEFAULT_DELTA, DEFAULT_MAX_BUCKETS, DEFAULT_MIN_SIDE);
    }

    @Override
    public String name() {
        return "adwin";
    }

    @Override
    public boolean add(double value) {
        DriftDetector.requireFinite(value);
        count++;
        Bucket single = new Bucket(1, value, 0, value, value);
        window = window.merge(single);
        insert(0, single);
        boolean rise = false;
        Boolean cut;
        while ((cut = cut()) != null) {
            rise |= cut;
            dropOldest();
        }
        if (rise) {
            alarms++;
        }
        return rise;
    }

    /** Returns the number of values in the current window. */
    public long width() {
        return window.count();
    }

    /** Returns the mean of the current window, or 0 when it is empty. */
    public double mean() {
        return window.mean();
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public long alarms() {
        return alarms;
    }

    @Override
    public void reset() {
        rows.clear();
        window = Bucket.EMPTY;
    }

    /** Appends {@code bucket} as the newest of row {@code row}, merging overflow upwards. */
    private void insert(int row, Bucket bucket) {
        if (rows.size() == row) {
            rows.add(new ArrayDeque<>());
        }
        ArrayDeque<Bucket> buckets = rows.get(row);
        buckets.addLast(bucket);
        if (buckets.size() > maxBuckets) {
            Bucket merged = buckets.pollFirst().merge(buckets.pollFirst());
            insert(row + 1, merged);
        }
    }

    /**
     * Tests every split of the window, oldest buckets first, and returns null when no
     * split cuts, true when a split cuts on a rise and false when it cuts on a fall.
     */
    private Boolean cut() {
        long n = window.count();
        if (n < 2L * minSide) {
            return null;
        }
        double variance = window.squares() / n;
        double range = range();
        double logTerm = Math.log(2 * Math.max(1, Math.log(n)) / delta);
        long older = 0;
        double olderSum = 0;
        for (int row = rows.size() - 1; row >= 0; row--) {
            Iterator<Bucket> buckets = rows.get(row).iterator();
            while (buckets.hasNext()) {
                Bucket bucket = buckets.next();
                older += bucket.count();
                olderSum += bucket.count() * bucket.mean();
                long newer = n - older;
                if (newer < minSide) {
                    return null;
                }
                if (older < minSide) {
                    continue;
                }
                double olderMean = olderSum / older;
                double newerMean = (window.count() * window.mean() - olderSum) / newer;
                double m = 1 / (1.0 / older + 1.0 / newer);
                double epsilon = Math.sqrt(2 / m * variance * logTerm)
                        + 2 * range / (3 * m) * logTerm;
                if (Math.abs(newerMean - olderMean) > epsilon) {
                    return newerMean > olderMean;
                }
            }
        }
        return null;
    }

    /** Returns the maximum minus the minimum of the values in the window. */
    private double range() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ArrayDeque<Bucket> row : rows) {
            for (Bucket bucket : row) {
                min = Math.min(min, bucket.min());
                max = Math.max(max, bucket.max());
            }
        }
        return max - min;
    }

    /** Drops the oldest bucket: the first of the highest row. */
    private void dropOldest() {
        int top = rows.size() - 1;
        Bucket oldest = rows.get(top).pollFirst();
        if (rows.get(top).isEmpty()) {
            rows.remove(top);
        }
        window = window.without(oldest);
    }

    /** A run of values: their count, mean, sum of squared deviations, minimum and maximum. */
    private record Bucket(long count, double mean, double squares, double min, double max) {

        static final Bucket EMPTY = new Bucket(0, 0, 0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY);

        /** Returns the statistics of both runs together (Chan et al., 1979). */
        Bucket merge(Bucket other) {
            long total = count + other.count;
            if (total == 0) {
                return EMPTY;
            }
            double difference = other.mean - mean;
            double merged = mean + difference * other.count / total;
            double spread = squares + other.squares
                    + difference * difference * count * other.count / total;
            return new Bucket(total, merged, spread, Math.min(min, other.min),
                    Math.max(max, other.max));
        }

        /**
         * Returns the statistics of this run with {@code part}, a subset of it, removed.
         * The minimum and maximum are kept as they were, because {@link #cut} reads the
         * range from the buckets instead.
         */
        Bucket without(Bucket part) {
            long rest = count - part.count;
            if (rest <= 0) {
                return EMPTY;
            }
            double restMean = (count * mean - part.count * part.mean) / rest;
            double difference = part.mean - restMean;
            double spread = squares - part.squares
                    - difference * difference * part.count * rest / count;
            return new Bucket(rest, restMean, Math.max(0, spread), min, max);
        }
    }
}
