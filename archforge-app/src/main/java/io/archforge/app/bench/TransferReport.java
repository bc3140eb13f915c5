package io.archforge.app.bench;

import io.archforge.benchmarks.transfer.TransferPair;
import io.archforge.benchmarks.transfer.TransferRun;
import io.archforge.benchmarks.transfer.TransferSettings;
import io.archforge.benchmarks.transfer.TransferVariant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The files of {@code bench transfer}: every run as CSV, and a Markdown summary. */
final class TransferReport {

    /** Trial counts at which the summary reports the mean regret. */
    private static final int[] REGRET_TRIALS = {10, 50, 100};

    private TransferReport() {
    }

    /** Returns one row per target study. */
    static String csv(List<TransferRun> runs) {
        StringBuilder csv = new StringBuilder("pair,strategy,variant,seed,trials,reached,"
                + "best_accuracy,source_weight,misleading_weight\n");
        for (TransferRun run : runs) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%b,%.4f,%s,%s%n", run.pair(),
                    run.strategy(), run.variant(), run.seed(), run.trials(), run.reached(),
                    run.bestAccuracy(), weight(run, "source"), weight(run, "misleading")));
        }
        return csv.toString();
    }

    private static String weight(TransferRun run, String label) {
        Double weight = run.weights().get(label);
        return weight == null ? "" : String.format(Locale.ROOT, "%.4f", weight);
    }

    /** Returns one table per pair and strategy, one row per variant. */
    static String summary(List<TransferRun> runs, TransferSettings settings, double seconds) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Trials until the best cell is within %.2f points of the target's best "
                        + "200-epoch test accuracy (at most %d; transferred trials are not "
                        + "counted); source studies: evolution, %d trials; %d seed%s; %.1f s.%n",
                settings.tolerance(), settings.maxTrials(), settings.sourceTrials(),
                settings.seeds(), settings.seeds() == 1 ? "" : "s", seconds));
        for (TransferPair pair : settings.pairs()) {
            for (String strategy : settings.strategies()) {
                text.append(table(runs, pair, strategy, settings));
            }
        }
        return text.toString();
    }

    private static String table(List<TransferRun> runs, TransferPair pair, String strategy,
            TransferSettings settings) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%n%s -> %s, %s:%n%n", pair.source().id(), pair.target().id(), strategy));
        text.append("| start | mean trials | median | not reached | fewer trials than cold "
                + "| regret after 10 / 50 / 100 | source weight | misleading weight |\n");
        text.append("|---|---|---|---|---|---|---|---|\n");
        OptionalDouble cold = meanTrials(runs, pair, strategy, TransferVariant.COLD);
        for (TransferVariant variant : settings.variants()) {
            List<TransferRun> chosen = select(runs, pair, strategy, variant);
            double[] trials = chosen.stream().mapToDouble(TransferRun::trials).toArray();
            double mean = Arrays.stream(trials).average().orElse(Double.NaN);
            long missed = chosen.stream().filter(r -> !r.reached()).count();
            String factor = cold.isPresent() ? String.format(Locale.ROOT, "%.2fx",
                    cold.getAsDouble() / mean) : "-";
            StringBuilder regrets = new StringBuilder();
            for (int trial : REGRET_TRIALS) {
                double regret = chosen.stream().mapToDouble(r -> r.regretAfter(trial))
                        .average().orElse(Double.NaN);
                regrets.append(regrets.length() == 0 ? "" : " / ")
                        .append(trial > settings.maxTrials() ? "-"
                                : String.format(Locale.ROOT, "%.3f", regret));
            }
            text.append(String.format(Locale.ROOT,
                    "| %s | %.1f | %.0f | %d | %s | %s | %s | %s |%n",
                    variant, mean, median(trials), missed, factor, regrets,
                    meanWeight(chosen, "source"), meanWeight(chosen, "misleading")));
        }
        return text.toString();
    }

    private static List<TransferRun> select(List<TransferRun> runs, TransferPair pair,
            String strategy, TransferVariant variant) {
        return runs.stream().filter(r -> r.pair().equals(pair) && r.strategy().equals(strategy)
                && r.variant() == variant).toList();
    }

    private static OptionalDouble meanTrials(List<TransferRun> runs, TransferPair pair,
            String strategy, TransferVariant variant) {
        return select(runs, pair, strategy, variant).stream().mapToDouble(TransferRun::trials)
                .average();
    }

    private static String meanWeight(List<TransferRun> runs, String label) {
        OptionalDouble mean = runs.stream().filter(r -> r.weights().containsKey(label))
                .mapToDouble(r -> r.weights().get(label)).average();
        return mean.isPresent() ? String.format(Locale.ROOT, "%.3f", mean.getAsDouble()) : "-";
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
