package io.archforge.benchmarks;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Summaries of regret benchmark rows over seeds: the spread of the best accuracy at
 * a trial count, the mean regret curve with its standard error, and the number of
 * trials until an optimal cell is evaluated.
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
     * The trials each seed needed to evaluate a cell with the table's best test accuracy.
     *
     * @param trials the summary over seeds; a seed that never found it counts as the
     *     run length
     * @param notFound the share of seeds that never found it, from 0 to 1
     * @param runLength the trials of each study
     */
    public record TrialsToOptimum(Summary trials, double notFound, int runLength) {
    }

    /**
     * Summarises the 200-epoch test accuracy of the best cell by the search signal
     * after {@code trial} trials, over seeds.
     *
     * @throws IllegalArgumentException when no row matches
     */
    public static Summary bestSoFar(List<RegretRow> rows, String strategy, Nb201Dataset dataset,
            int trial) {
        return summarize(select(rows, strategy, dataset, trial).stream()
                .mapToDouble(RegretRow::testAccuracy).toArray());
    }

    /**
     * Summarises, over seeds, the first trial at which an optimal cell (ties count) was
     * evaluated; a seed that has not found one after {@code runLength} trials counts as
     * {@code runLength}.
     *
     * @throws IllegalArgumentException when no row matches
     */
    public static TrialsToOptimum trialsToOptimum(List<RegretRow> rows, String strategy,
            Nb201Dataset dataset, int runLength) {
        Map<Long, Integer> first = new TreeMap<>();
        for (RegretRow row : rows) {
            if (row.dataset() != dataset || !row.strategy().equals(strategy)
                    || row.trial() > runLength) {
                continue;
            }
            first.putIfAbsent(row.seed(), runLength + 1);
            if (row.optimumFound()) {
                first.merge(row.seed(), row.trial(), Math::min);
            }
        }
        if (first.isEmpty()) {
            throw new IllegalArgumentException("no benchmark rows for strategy '" + strategy
                    + "' and data set " + dataset);
        }
        double[] trials = first.values().stream()
                .mapToDouble(t -> Math.min(t, runLength)).toArray();
        long missing = first.values().stream().filter(t -> t > runLength).count();
        return new TrialsToOptimum(summarize(trials), (double) missing / first.size(),
                runLength);
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

    /**
     * Computes the mean regret curve from trial 1 to {@code trials} in one pass over
     * {@code rows}.
     *
     * @throws IllegalArgumentException when a trial has no row
     */
    public static Curve curve(List<RegretRow> rows, String strategy, Nb201Dataset dataset,
            int trials) {
        List<List<Double>> byTrial = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            byTrial.add(new ArrayList<>());
        }
        for (RegretRow row : rows) {
            if (row.trial() <= trials && row.dataset() == dataset
                    && row.strategy().equals(strategy)) {
                byTrial.get(row.trial() - 1).add(row.regret());
            }
        }
        List<Double> mean = new ArrayList<>();
        List<Double> error = new ArrayList<>();
        for (int trial = 1; trial <= trials; trial++) {
            List<Double> values = byTrial.get(trial - 1);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("no benchmark rows for strategy '"
                        + strategy + "', data set " + dataset + " and trial " + trial);
            }
            Summary summary = summarize(values.stream().mapToDouble(Double::doubleValue)
                    .toArray());
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
