package io.archforge.benchmarks.pruning;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.Objects;

/**
 * A candidate that learned pruning skipped in a benchmark study, with its true value.
 *
 * @param strategy the strategy name
 * @param dataset the data set
 * @param seed the study seed
 * @param trial the skipped trial's number
 * @param evaluationsBefore the evaluations the study had made when it skipped the candidate
 * @param architecture the skipped architecture
 * @param improvementProbability the predicted probability that it beats the best so far
 * @param predictedMean the predicted test accuracy, percent
 * @param predictedStd the standard deviation of that prediction
 * @param trueTestAccuracy the table's 200-epoch test accuracy of the architecture, percent
 * @param bestAtSkip the best test accuracy the study had found when it skipped it
 */
public record SkippedCandidate(String strategy, Nb201Dataset dataset, long seed, int trial,
        int evaluationsBefore, String architecture, double improvementProbability,
        double predictedMean, double predictedStd, double trueTestAccuracy, double bestAtSkip) {

    /** The CSV header matching {@link #toCsv()}. */
    public static final String CSV_HEADER = "strategy,dataset,seed,trial,evaluations_before,"
            + "architecture,improvement_probability,predicted_mean,predicted_std,"
            + "true_test_accuracy,best_at_skip,wrongly_skipped";

    public SkippedCandidate {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(architecture, "architecture");
    }

    /** Returns whether the candidate's true value beats the best found when it was skipped. */
    public boolean wronglySkipped() {
        return trueTestAccuracy > bestAtSkip;
    }

    /** Returns the candidate as one CSV line, with the architecture quoted. */
    public String toCsv() {
        return strategy + "," + dataset.id() + "," + seed + "," + trial + ","
                + evaluationsBefore + ",\"" + architecture.replace("\"", "\"\"") + "\","
                + improvementProbability + "," + predictedMean + "," + predictedStd + ","
                + trueTestAccuracy + "," + bestAtSkip + "," + wronglySkipped();
    }
}
