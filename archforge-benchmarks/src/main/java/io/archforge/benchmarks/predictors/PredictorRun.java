package io.archforge.benchmarks.predictors;

/**
 * The measures of one predictor fitted on one training set and queried on the
 * held-out set.
 *
 * @param benchmark the table's benchmark, such as {@code nb201}
 * @param dataset the table's data set or task
 * @param target the metric the predictor was fitted to, such as {@code test_accuracy}
 * @param predictor the predictor's name
 * @param encoding the encoding the predictor read, or {@code graph} for graph models
 *     and {@code stacked} for the ensemble
 * @param trainSize training architectures
 * @param testSize held-out architectures
 * @param seed the seed of the training sample and of the fit
 * @param kendallTau Kendall's tau-b between predicted and true values on the held-out set
 * @param spearmanRho Spearman's rho on the held-out set
 * @param top10Precision the share of the true top 10% of the held-out set that the
 *     predicted top 10% contains
 * @param coverage68 the share of held-out values inside the predicted mean plus or
 *     minus one standard deviation, 0.68 for calibrated Gaussian uncertainty
 * @param coverage95 the share inside plus or minus 1.96 standard deviations, 0.95 when
 *     calibrated
 * @param fitSeconds wall-clock seconds of the fit
 * @param querySeconds wall-clock seconds to predict the whole held-out set
 */
public record PredictorRun(String benchmark, String dataset, String target, String predictor,
        String encoding, int trainSize, int testSize, long seed, double kendallTau,
        double spearmanRho, double top10Precision, double coverage68, double coverage95,
        double fitSeconds, double querySeconds) {
}
