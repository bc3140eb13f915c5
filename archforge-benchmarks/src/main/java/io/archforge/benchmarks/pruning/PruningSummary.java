package io.archforge.benchmarks.pruning;

import io.archforge.benchmarks.RegretStatistics;
import io.archforge.benchmarks.RegretStatistics.Summary;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The comparison of one strategy with and without learned pruning on one data set, over
 * seeds.
 *
 * @param strategy the strategy name
 * @param dataset the data set
 * @param trials the evaluations of each study
 * @param unpruned the best test accuracy of the unpruned arm after each checkpoint's
 *     evaluations, by checkpoint
 * @param pruned the same for the pruned arm
 * @param difference the pruned minus the unpruned best test accuracy after
 *     {@code trials} evaluations, paired by seed
 * @param evaluationsToMatch the fewest evaluations after which the pruned arm's mean best
 *     test accuracy reaches the unpruned arm's mean after {@code trials}; empty when it
 *     never does
 * @param unprunedToTarget the fewest evaluations after which the unpruned arm's own mean
 *     reaches its mean after {@code trials}, the base of {@link #savingPercent}
 * @param matchByCheckpoint the same for the unpruned mean after each checkpoint's
 *     evaluations, by checkpoint
 * @param skipped the candidates skipped per pruned study
 * @param wronglySkipped the skipped candidates, over all seeds, whose true test accuracy
 *     beat the best the study had found when it skipped them
 * @param totalSkipped the skipped candidates over all seeds
 * @param unprunedSeconds the wall time per unpruned study
 * @param prunedSeconds the wall time per pruned study
 */
public record PruningSummary(String strategy, Nb201Dataset dataset, int trials,
        Map<Integer, Summary> unpruned, Map<Integer, Summary> pruned, Summary difference,
        OptionalInt evaluationsToMatch, OptionalInt unprunedToTarget,
        Map<Integer, OptionalInt> matchByCheckpoint,
        Summary skipped, long wronglySkipped, long totalSkipped,
        Summary unprunedSeconds, Summary prunedSeconds) {

    /** The rounding error allowed when a mean is compared with an equal mean. */
    private static final double MEAN_TOLERANCE = 1e-9;

    public PruningSummary {
        unpruned = Map.copyOf(unpruned);
        pruned = Map.copyOf(pruned);
        matchByCheckpoint = Map.copyOf(matchByCheckpoint);
    }

    /**
     * Summarises {@code result} for one strategy and data set.
     *
     * @param checkpoints evaluation counts at which the best test accuracy is reported; those
     *     above {@code trials} are left out
     * @throws IllegalArgumentException when the result has no study of that strategy and
     *     data set
     */
    public static PruningSummary of(PruningBenchmark.Result result, String strategy,
            Nb201Dataset dataset, int trials, List<Integer> checkpoints) {
        List<PruningRow> plain = rows(result, strategy, dataset, false);
        List<PruningRow> pruned = rows(result, strategy, dataset, true);
        if (plain.isEmpty() || pruned.isEmpty()) {
            throw new IllegalArgumentException("no pruning benchmark rows for strategy '"
                    + strategy + "' and data set " + dataset);
        }
        Map<Integer, Summary> plainAt = new LinkedHashMap<>();
        Map<Integer, Summary> prunedAt = new LinkedHashMap<>();
        Map<Integer, OptionalInt> matches = new LinkedHashMap<>();
        for (int checkpoint : checkpoints) {
            if (checkpoint <= trials) {
                plainAt.put(checkpoint, bestAt(plain, checkpoint));
                prunedAt.put(checkpoint, bestAt(pruned, checkpoint));
                matches.put(checkpoint, evaluationsToReach(pruned,
                        plainAt.get(checkpoint).mean(), trials));
            }
        }
        double target = bestAt(plain, trials).mean();
        List<SkippedCandidate> skipped = result.skipped().stream()
                .filter(c -> c.strategy().equals(strategy) && c.dataset() == dataset)
                .toList();
        List<PruningBenchmark.Run> prunedRuns = runs(result, strategy, dataset, true);
        return new PruningSummary(strategy, dataset, trials, plainAt, prunedAt,
                difference(plain, pruned, trials), evaluationsToReach(pruned, target, trials),
                evaluationsToReach(plain, target, trials), matches,
                summarize(prunedRuns.stream().mapToDouble(PruningBenchmark.Run::skipped)
                        .toArray()),
                skipped.stream().filter(SkippedCandidate::wronglySkipped).count(),
                skipped.size(),
                summarize(runs(result, strategy, dataset, false).stream()
                        .mapToDouble(PruningBenchmark.Run::seconds).toArray()),
                summarize(prunedRuns.stream().mapToDouble(PruningBenchmark.Run::seconds)
                        .toArray()));
    }

    /** Returns the share of skipped candidates that were wrongly skipped, or 0 when none were. */
    public double wronglySkippedShare() {
        return totalSkipped == 0 ? 0 : (double) wronglySkipped / totalSkipped;
    }

    /**
     * Returns the evaluations the pruned arm saves, in percent: 100 (1 - n / u) for
     * {@code n} {@link #evaluationsToMatch} and {@code u} {@link #unprunedToTarget}, the
     * evaluations the unpruned arm itself needed for its final mean, or empty when the
     * pruned arm never matches. Two identical arms save 0%.
     */
    public OptionalDouble savingPercent() {
        if (evaluationsToMatch.isEmpty() || unprunedToTarget.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * (1 - (double) evaluationsToMatch.getAsInt()
                / unprunedToTarget.getAsInt()));
    }

    private static List<PruningRow> rows(PruningBenchmark.Result result, String strategy,
            Nb201Dataset dataset, boolean pruned) {
        return result.rows().stream()
                .filter(r -> r.strategy().equals(strategy) && r.dataset() == dataset
                        && r.pruned() == pruned)
                .toList();
    }

    private static List<PruningBenchmark.Run> runs(PruningBenchmark.Result result,
            String strategy, Nb201Dataset dataset, boolean pruned) {
        return result.runs().stream()
                .filter(r -> r.strategy().equals(strategy) && r.dataset() == dataset
                        && r.pruned() == pruned)
                .toList();
    }

    private static Summary bestAt(List<PruningRow> rows, int evaluations) {
        return summarize(rows.stream().filter(r -> r.evaluations() == evaluations)
                .mapToDouble(PruningRow::bestTestAccuracy).toArray());
    }

    /** Finds the first evaluation count whose mean best test accuracy reaches {@code target}. */
    private static OptionalInt evaluationsToReach(List<PruningRow> rows, double target,
            int trials) {
        Map<Integer, List<Double>> byCount = new TreeMap<>();
        for (PruningRow row : rows) {
            byCount.computeIfAbsent(row.evaluations(), n -> new ArrayList<>())
                    .add(row.bestTestAccuracy());
        }
        for (Map.Entry<Integer, List<Double>> entry : byCount.entrySet()) {
            double mean = entry.getValue().stream().mapToDouble(Double::doubleValue)
                    .average().orElseThrow();
            // The target is a mean of the same values summed in another order.
            if (entry.getKey() <= trials && mean >= target - MEAN_TOLERANCE) {
                return OptionalInt.of(entry.getKey());
            }
        }
        return OptionalInt.empty();
    }

    /** Summarises pruned minus unpruned best test accuracy after {@code trials}, paired by seed. */
    private static Summary difference(List<PruningRow> plain, List<PruningRow> pruned,
            int trials) {
        Map<Long, Double> plainBySeed = new TreeMap<>();
        plain.stream().filter(r -> r.evaluations() == trials)
                .forEach(r -> plainBySeed.put(r.seed(), r.bestTestAccuracy()));
        double[] differences = pruned.stream()
                .filter(r -> r.evaluations() == trials && plainBySeed.containsKey(r.seed()))
                .mapToDouble(r -> r.bestTestAccuracy() - plainBySeed.get(r.seed()))
                .toArray();
        return summarize(differences);
    }

    private static Summary summarize(double[] values) {
        return RegretStatistics.summarize(values);
    }
}
