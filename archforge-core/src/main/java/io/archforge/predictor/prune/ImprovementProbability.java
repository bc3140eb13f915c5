package io.archforge.predictor.prune;

import io.archforge.predictor.Prediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The probability that a candidate is not dominated by any point of a Pareto front, all
 * values minimised, from the candidate's predictive distribution per objective: normal
 * with a mean and a standard deviation, or any distribution function.
 *
 * <p>The objectives are taken as independent, which is an approximation: a predictor per
 * objective gives no correlation between them, though accuracy and cost are correlated
 * in practice. Under that assumption the probability is exact up to the normal
 * distribution function's error. The first objective's axis is cut at the front's values.
 * On each piece, the candidate must escape the front points to its left in the remaining
 * objectives, which is computed the same way. With one objective it is the probability of
 * beating the best value. Ties have probability 0 under a continuous distribution; a
 * normal prediction with standard deviation 0 counts a tie as no improvement.
 */
public final class ImprovementProbability {

    private ImprovementProbability() {
    }

    /**
     * Computes the probability that the candidate is not dominated by {@code front}.
     *
     * @param front the front's points, each with one minimised value per objective
     * @param means the candidate's predicted minimised values
     * @param stds the standard deviations of those predictions, each at least 0
     * @return 1 for an empty front
     * @throws IllegalArgumentException when the lengths differ
     */
    public static double notDominated(List<double[]> front, double[] means, double[] stds) {
        if (means.length != stds.length || means.length == 0) {
            throw new IllegalArgumentException("need one mean and one std per objective, got "
                    + means.length + " means and " + stds.length + " stds");
        }
        List<DoubleUnaryOperator> below = new ArrayList<>();
        for (int k = 0; k < means.length; k++) {
            Prediction prediction = new Prediction(means[k], stds[k]);
            below.add(prediction::cdf);
        }
        return notDominated(front, below);
    }

    /**
     * Computes the probability that the candidate is not dominated by {@code front},
     * given for each objective the probability that the candidate's minimised value is
     * below a threshold, such as {@link io.archforge.predictor.Predictor#cdf}.
     *
     * @param front the front's points, each with one minimised value per objective
     * @param below per objective, threshold to P(candidate's minimised value < threshold)
     * @return 1 for an empty front
     * @throws IllegalArgumentException when the lengths differ
     */
    public static double notDominated(List<double[]> front, List<DoubleUnaryOperator> below) {
        if (below.isEmpty()) {
            throw new IllegalArgumentException("need a distribution for at least one objective");
        }
        for (double[] point : front) {
            if (point.length != below.size()) {
                throw new IllegalArgumentException("front point has " + point.length
                        + " objectives, the candidate " + below.size());
            }
        }
        return escape(new ArrayList<>(front), below, 0);
    }

    /**
     * The probability that the candidate's values in objectives {@code from} onwards are
     * not weakly above every point of {@code points} there.
     */
    private static double escape(List<double[]> points, List<DoubleUnaryOperator> below,
            int from) {
        if (points.isEmpty()) {
            return 1;
        }
        DoubleUnaryOperator cdf = below.get(from);
        if (from == below.size() - 1) {
            double lowest = points.stream().mapToDouble(p -> p[from]).min().orElseThrow();
            return cdf.applyAsDouble(lowest);
        }
        points.sort(Comparator.comparingDouble(p -> p[from]));
        // Below the smallest value no point is to the left in this objective.
        double total = cdf.applyAsDouble(points.get(0)[from]);
        for (int i = 0; i < points.size(); i++) {
            double lower = cdf.applyAsDouble(points.get(i)[from]);
            double upper = i + 1 < points.size() ? cdf.applyAsDouble(points.get(i + 1)[from]) : 1;
            if (upper > lower) {
                List<double[]> left = new ArrayList<>(points.subList(0, i + 1));
                total += (upper - lower) * escape(left, below, from + 1);
            }
        }
        return Math.min(1, total);
    }
}
