package io.archforge.predictor;

/**
 * The Gaussian copula transform of a set of targets: each target becomes the normal
 * score of its rank, {@code quantile((rank + 0.5) / n)}, and a normal score maps back
 * through the empirical quantile function of the targets, as in Salinas, Shen and
 * Perrone, "A Quantile-based Approach for Hyperparameter Transfer Learning" (ICML 2020).
 *
 * <p>The back map is monotone: between targets it interpolates linearly, and beyond
 * the scores of the smallest or largest target it continues linearly in the score, so
 * values above every target keep a probability and scores above them stay ordered.
 */
public final class GaussianCopula {

    /** The smallest uncertainty {@link #toValues} returns, relative to the target range. */
    static final double MIN_RELATIVE_STD = 1e-6;

    private final double[] sorted;
    private final double[] scores;

    private GaussianCopula(double[] targets) {
        double[] ranks = RankCorrelation.ranks(targets);
        this.scores = new double[targets.length];
        for (int i = 0; i < targets.length; i++) {
            scores[i] = Gaussian.quantile((ranks[i] + 0.5) / targets.length);
        }
        this.sorted = targets.clone();
        java.util.Arrays.sort(sorted);
    }

    /**
     * Fits the transform to {@code targets}.
     *
     * @throws IllegalArgumentException when there are no targets
     */
    public static GaussianCopula fit(double[] targets) {
        if (targets.length == 0) {
            throw new IllegalArgumentException("a copula transform needs at least one target");
        }
        return new GaussianCopula(targets);
    }

    /** Returns the normal scores of the fitted targets, in their order. */
    public double[] scores() {
        return scores.clone();
    }

    /**
     * Maps a normal score to the target scale. Between the scores of the smallest and
     * the largest target it follows the empirical quantiles. Beyond them it continues
     * linearly with the slope of the outermost pair, so the map is unbounded both ways.
     */
    public double value(double score) {
        int n = sorted.length;
        if (n == 1) {
            return sorted[0] + score;
        }
        double top = rankScore(n - 1);
        double bottom = rankScore(0);
        if (score > top) {
            return sorted[n - 1] + (score - top) * tailSlope(n - 2);
        }
        if (score < bottom) {
            return sorted[0] + (score - bottom) * tailSlope(0);
        }
        // The continuous rank whose normal score this is: rank + 0.5 = n * cdf(score).
        double position = Math.max(0, Math.min(n - 1, n * Gaussian.cdf(score) - 0.5));
        int lower = Math.min(n - 2, (int) Math.floor(position));
        return sorted[lower] + (position - lower) * (sorted[lower + 1] - sorted[lower]);
    }

    /** Returns the normal score of the rank-th smallest target. */
    private double rankScore(int rank) {
        return Gaussian.quantile((rank + 0.5) / sorted.length);
    }

    /**
     * The change of value per unit of score between ranks {@code lower} and
     * {@code lower + 1}, or over the whole range when those targets are equal.
     */
    private double tailSlope(int lower) {
        int n = sorted.length;
        double slope = (sorted[lower + 1] - sorted[lower])
                / (rankScore(lower + 1) - rankScore(lower));
        if (slope == 0) {
            slope = (sorted[n - 1] - sorted[0]) / (rankScore(n - 1) - rankScore(0));
        }
        return slope;
    }

    /**
     * Maps a target-scale value to its normal score, the inverse of {@link #value}.
     * Equal targets map to the middle of their ranks. When every target is equal, a
     * value above them maps to positive infinity and one below to negative infinity.
     */
    public double score(double value) {
        int n = sorted.length;
        if (n == 1) {
            return value - sorted[0];
        }
        if (value > sorted[n - 1] || value < sorted[0]) {
            boolean above = value > sorted[n - 1];
            double slope = tailSlope(above ? n - 2 : 0);
            if (slope == 0) {
                return above ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            return above ? rankScore(n - 1) + (value - sorted[n - 1]) / slope
                    : rankScore(0) + (value - sorted[0]) / slope;
        }
        int first = lowerBound(value);
        int end = lowerBound(Math.nextUp(value));
        double position;
        if (end > first) {
            position = (first + end - 1) / 2.0;
        } else {
            // Strictly between sorted[first - 1] and sorted[first].
            position = first - 1 + (value - sorted[first - 1])
                    / (sorted[first] - sorted[first - 1]);
        }
        return Gaussian.quantile((position + 0.5) / n);
    }

    /** Counts the sorted targets below {@code value}. */
    private int lowerBound(double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Returns the probability that the value is below {@code threshold} when its normal
     * score follows {@code score}. Monotone maps keep such probabilities, so it is
     * computed on the score scale, where the model's normal distribution holds.
     */
    public double cdf(Prediction score, double threshold) {
        return Prediction.normalCdf(score, score(threshold));
    }

    /**
     * Maps a prediction of a normal score to the target scale: the mean through
     * {@link #value}, the uncertainty as half the width of the mapped interval of one
     * standard deviation.
     */
    public Prediction toValues(Prediction score) {
        double mean = value(score.mean());
        double spread = (value(score.mean() + score.std()) - value(score.mean() - score.std())) / 2;
        // Equal targets make the map flat, which would report certainty the model lacks.
        double floor = MIN_RELATIVE_STD * Math.max(sorted[sorted.length - 1] - sorted[0], 1);
        return new Prediction(mean, Math.max(spread, floor));
    }
}
