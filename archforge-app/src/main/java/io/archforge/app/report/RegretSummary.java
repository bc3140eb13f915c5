package io.archforge.app.report;

import io.archforge.benchmarks.RegretRow;
import io.archforge.benchmarks.RegretSettings;
import io.archforge.benchmarks.RegretStatistics;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Markdown tables of a regret benchmark: the test accuracy of the best cell found and
 * the regret at fixed trial counts, each as mean +- sample standard deviation over
 * seeds, and the trials until an optimal cell is evaluated.
 */
public final class RegretSummary {

    /** Trial counts at which the best accuracy is reported, when the run reaches them. */
    private static final List<Integer> ACCURACY_TRIALS = List.of(100, 150);

    /** Trial counts at which regret is reported, when the run reaches them. */
    private static final List<Integer> REGRET_TRIALS = List.of(10, 25, 50, 100, 150);

    private RegretSummary() {
    }

    /** Renders both tables, each preceded by a one-line caption. */
    public static String render(List<RegretRow> rows, RegretSettings settings) {
        return accuracyTable(rows, settings) + "\n" + regretTable(rows, settings);
    }

    /** The best 200-epoch test accuracy found at 100 and 150 trials, percent. */
    public static String accuracyTable(List<RegretRow> rows, RegretSettings settings) {
        return accuracyTable(rows, settings, ACCURACY_TRIALS);
    }

    /**
     * The 200-epoch test accuracy of the best cell by the search signal, percent, at
     * each of {@code trialCounts} that the run reaches and at its last trial.
     */
    public static String accuracyTable(List<RegretRow> rows, RegretSettings settings,
            List<Integer> trialCounts) {
        List<Integer> checkpoints = checkpoints(trialCounts, settings.trials());
        List<String> headers = new ArrayList<>(List.of("dataset", "strategy", "seeds"));
        checkpoints.forEach(trial -> headers.add("test acc. at " + trial + " trials"));
        String caption = settings.protocol() == Nb201Protocol.TEST
                ? "Best test accuracy found (%, mean +- std over seeds):\n\n"
                : "200-epoch test accuracy of the best cell by " + settings.protocol().signal()
                        + " (%, mean +- std over seeds):\n\n";
        StringBuilder text = new StringBuilder(caption);
        text.append(markdownRow(headers)).append(markdownRule(headers.size()));
        for (Nb201Dataset dataset : settings.datasets()) {
            for (String strategy : settings.strategies()) {
                List<String> cells = new ArrayList<>(List.of(dataset.id(), strategy,
                        Integer.toString(settings.seeds())));
                for (int trial : checkpoints) {
                    cells.add(format(RegretStatistics.bestSoFar(rows, strategy, dataset, trial)));
                }
                text.append(markdownRow(cells));
            }
        }
        return text.toString();
    }

    /** Regret in percentage points. */
    public static String regretTable(List<RegretRow> rows, RegretSettings settings) {
        List<Integer> checkpoints = checkpoints(REGRET_TRIALS, settings.trials());
        List<String> headers = new ArrayList<>(List.of("dataset", "strategy"));
        checkpoints.forEach(trial -> headers.add("regret at " + trial));
        StringBuilder text = new StringBuilder(
                "Regret (percentage points below the table's best, mean +- std over seeds):\n\n");
        text.append(markdownRow(headers)).append(markdownRule(headers.size()));
        for (Nb201Dataset dataset : settings.datasets()) {
            for (String strategy : settings.strategies()) {
                List<String> cells = new ArrayList<>(List.of(dataset.id(), strategy));
                for (int trial : checkpoints) {
                    cells.add(format(RegretStatistics.regret(rows, strategy, dataset, trial)));
                }
                text.append(markdownRow(cells));
            }
        }
        return text.toString();
    }

    /**
     * Mean +- std of the trials until a cell with the table's best test accuracy was
     * evaluated (ties count); a seed that did not find one counts as the run length,
     * and the share of such seeds is shown.
     */
    public static String optimumTable(List<RegretRow> rows, RegretSettings settings) {
        List<String> headers = List.of("dataset", "strategy", "trials to optimum",
                "seeds without it after " + settings.trials());
        StringBuilder text = new StringBuilder("Trials until an optimal cell is evaluated "
                + "(mean +- std over seeds; a seed without it counts as "
                + settings.trials() + "):\n\n");
        text.append(markdownRow(headers)).append(markdownRule(headers.size()));
        for (Nb201Dataset dataset : settings.datasets()) {
            for (String strategy : settings.strategies()) {
                RegretStatistics.TrialsToOptimum found = RegretStatistics.trialsToOptimum(rows,
                        strategy, dataset, settings.trials());
                text.append(markdownRow(List.of(dataset.id(), strategy,
                        String.format(Locale.ROOT, "%.1f +- %.1f", found.trials().mean(),
                                found.trials().std()),
                        String.format(Locale.ROOT, "%.0f%%", 100 * found.notFound()))));
            }
        }
        return text.toString();
    }

    /** The fixed checkpoints up to {@code trials}, and {@code trials} itself. */
    static List<Integer> checkpoints(List<Integer> fixed, int trials) {
        TreeSet<Integer> selected = new TreeSet<>();
        fixed.stream().filter(trial -> trial <= trials).forEach(selected::add);
        selected.add(trials);
        return List.copyOf(selected);
    }

    private static String format(RegretStatistics.Summary summary) {
        return String.format(Locale.ROOT, "%.2f +- %.2f", summary.mean(), summary.std());
    }

    private static String markdownRow(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String markdownRule(int columns) {
        return "|" + "---|".repeat(columns) + "\n";
    }
}
