package io.archforge.app.bench;

import io.archforge.benchmarks.RegretStatistics.Summary;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.pruning.PruningBenchmark;
import io.archforge.benchmarks.pruning.PruningSettings;
import io.archforge.benchmarks.pruning.PruningSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** The Markdown summary of a pruning benchmark. */
final class PruningReport {

    /** Evaluation counts at which the summary reports the best test accuracy. */
    static final List<Integer> CHECKPOINTS = List.of(25, 50, 100, 150);

    private PruningReport() {
    }

    /** Renders the settings, the accuracy table and the savings table. */
    static String summary(PruningBenchmark.Result result, PruningSettings settings,
            double seconds) {
        List<Integer> checkpoints = checkpoints(settings.trials());
        List<PruningSummary> summaries = new ArrayList<>();
        for (String strategy : settings.strategies()) {
            for (Nb201Dataset dataset : settings.datasets()) {
                summaries.add(PruningSummary.of(result, strategy, dataset, settings.trials(),
                        checkpoints));
            }
        }
        return heading(settings, seconds) + "\n" + accuracyTable(summaries, checkpoints) + "\n"
                + matchTable(summaries, checkpoints) + "\n"
                + savingsTable(summaries, settings.trials());
    }

    private static String heading(PruningSettings settings, double seconds) {
        return String.format(Locale.ROOT, "Learned pruning on NAS-Bench-201: each study "
                        + "maximises the 200-epoch test accuracy for %d evaluations, with seeds "
                        + "%d to %d. The pruned arm skips a candidate when predictor %s gives "
                        + "it a probability below %s of beating the best so far; it starts "
                        + "after %d complete trials, refits every %d and skips at most %d in a "
                        + "row. %d studies in %.1f s.%n", settings.trials(),
                settings.firstSeed(), settings.firstSeed() + settings.seeds() - 1,
                settings.predictorName(), settings.risk(), settings.options().minCompleteTrials(),
                settings.options().refitInterval(), settings.options().maxSkipsInARow(),
                settings.studies(), seconds);
    }

    private static String accuracyTable(List<PruningSummary> summaries,
            List<Integer> checkpoints) {
        StringBuilder text = new StringBuilder("Mean best test accuracy (percent, +- 1 standard "
                + "error) after that many evaluations:\n\n| strategy | dataset | arm |");
        checkpoints.forEach(c -> text.append(' ').append(c).append(" |"));
        text.append("\n|---|---|---|").append("---|".repeat(checkpoints.size())).append('\n');
        for (PruningSummary summary : summaries) {
            text.append(accuracyRow(summary, false, checkpoints));
            text.append(accuracyRow(summary, true, checkpoints));
        }
        return text.toString();
    }

    private static String accuracyRow(PruningSummary summary, boolean pruned,
            List<Integer> checkpoints) {
        StringBuilder row = new StringBuilder("| " + summary.strategy() + " | "
                + summary.dataset().id() + " | " + (pruned ? "pruned" : "unpruned") + " |");
        for (int checkpoint : checkpoints) {
            Summary value = pruned ? summary.pruned().get(checkpoint)
                    : summary.unpruned().get(checkpoint);
            row.append(String.format(Locale.ROOT, " %.3f +- %.3f |", value.mean(),
                    value.standardError()));
        }
        return row.append('\n').toString();
    }

    private static String matchTable(List<PruningSummary> summaries,
            List<Integer> checkpoints) {
        StringBuilder text = new StringBuilder("Evaluations after which the pruned arm's mean "
                + "best test accuracy reaches the unpruned mean after that many evaluations "
                + "(fewer is better):\n\n| strategy | dataset |");
        checkpoints.forEach(c -> text.append(' ').append(c).append(" |"));
        text.append("\n|---|---|").append("---|".repeat(checkpoints.size())).append('\n');
        for (PruningSummary summary : summaries) {
            text.append("| ").append(summary.strategy()).append(" | ")
                    .append(summary.dataset().id()).append(" |");
            for (int checkpoint : checkpoints) {
                OptionalInt match = summary.matchByCheckpoint().get(checkpoint);
                text.append(' ').append(match.isPresent()
                        ? Integer.toString(match.getAsInt()) : "not reached").append(" |");
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String savingsTable(List<PruningSummary> summaries, int trials) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Savings: the "
                + "evaluations after which the pruned arm's mean best test accuracy reaches the "
                + "unpruned mean after %d, the change of the final accuracy (pruned minus "
                + "unpruned, paired by seed), the candidates skipped per study, and those "
                + "wrongly skipped: their table test accuracy beat the best the study had "
                + "found when it skipped them.%n%n", trials));
        text.append("| strategy | dataset | evaluations to match | saving | final change "
                + "| skipped per study | wrongly skipped | time per study, unpruned / pruned "
                + "(s) |\n|---|---|---|---|---|---|---|---|\n");
        for (PruningSummary summary : summaries) {
            String match = summary.evaluationsToMatch().isPresent()
                    ? Integer.toString(summary.evaluationsToMatch().getAsInt())
                    : "not reached";
            String saving = summary.savingPercent().isPresent()
                    ? String.format(Locale.ROOT, "%.0f%%", summary.savingPercent().getAsDouble())
                    : "-";
            text.append(String.format(Locale.ROOT,
                    "| %s | %s | %s | %s | %+.3f +- %.3f | %.1f | %d of %d (%.1f%%) "
                            + "| %.3f / %.3f |%n",
                    summary.strategy(), summary.dataset().id(), match, saving,
                    summary.difference().mean(), summary.difference().standardError(),
                    summary.skipped().mean(), summary.wronglySkipped(), summary.totalSkipped(),
                    100 * summary.wronglySkippedShare(), summary.unprunedSeconds().mean(),
                    summary.prunedSeconds().mean()));
        }
        return text.toString();
    }

    /** Returns the checkpoints below {@code trials}, followed by {@code trials} itself. */
    private static List<Integer> checkpoints(int trials) {
        List<Integer> chosen = new ArrayList<>();
        CHECKPOINTS.stream().filter(c -> c < trials).forEach(chosen::add);
        chosen.add(trials);
        return chosen;
    }
}
