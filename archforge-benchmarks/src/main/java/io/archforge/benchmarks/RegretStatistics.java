package io.archforge.benchmarks;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Summaries of regret benchmark rows over seeds: the spread of the best accuracy at
 * a trial count, and the mean regret curve with its standard error.
 */
public final class RegretStatistics {

    private RegretStatistics() {
    }

    /**
     * A sample summary.
     *
     * @param count the number of seeds
     * @param mean the sample mean
     * @param std the sample standard deviation (divisor {@code count - 1}; 0 for one seed)
     */
    public record Summary(int count, double mean, double std) {

        /** The standard error of the mean, {@code std / sqrt(count)}. */
        public double standardError() {
            return std / Math.sqrt(count);
        }
    }

    /**
     * Mean regret per trial count with its standard error over seeds.
     *
     * @param strategy the strategy name
     * @param dataset the data set
     * @param mean mean regret after trial {@code i + 1}, percentage points
     * @param standardError the standard error of each mean
     */
    public record Curve(String strategy, Nb201Dataset dataset, List<Double> mean,
            List<Double> standardError) {

        public Curve {
            mean = List.copyOf(mean);
            standardError = List.copyOf(standardError);
        }
    }

    /**
     * Summarises the best accuracy found after {@code trial} trials, over seeds.
     *
     * @throws IllegalArgumentException when no row matches
     */
    public static Summary bestSoFar(List<RegretRow> rows, String strategy, Nb201Dataset dataset,
            int trial) {
        return summarize(select(rows, strategy, dataset, trial).stream()
                .mapToDouble(RegretRow::bestSoFar).toArray());
    }

    /**
     * Summarises regret after {@code trial} trials, over seeds.
     *
     * @throws IllegalArgumentException when no row matches
     */
    public static Summary regret(List<RegretRow> rows, String strategy, Nb201Dataset dataset,
            int trial) {
        return summarize(select(rows, strategy, dataset, trial).stream()
                .mapToDouble(RegretRow::regret).toArray());
    }

    /** The mean regret curve from trial 1 to {@code trials}. */
    public static Curve curve(List<RegretRow> rows, String strategy, Nb201Dataset dataset,
            int trials) {
        List<Double> mean = new ArrayList<>();
        List<Double> error = new ArrayList<>();
        for (int trial = 1; trial <= trials; trial++) {
            Summary summary = regret(rows, strategy, dataset, trial);
            mean.add(summary.mean());
            error.add(summary.standardError());
        }
        return new Curve(strategy, dataset, mean, error);
    }

    /** Mean and sample standard deviation of {@code values}. */
    public static Summary summarize(double[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot summarise an empty sample");
        }
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= values.length;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double std = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        return new Summary(values.length, mean, std);
    }

    private static List<RegretRow> select(List<RegretRow> rows, String strategy,
            Nb201Dataset dataset, int trial) {
        List<RegretRow> selected = rows.stream()
                .filter(row -> row.trial() == trial && row.dataset() == dataset
                        && row.strategy().equals(strategy))
                .toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no benchmark rows for strategy '" + strategy
                    + "', data set " + dataset + " and trial " + trial);
        }
        return selected;
    }
}
