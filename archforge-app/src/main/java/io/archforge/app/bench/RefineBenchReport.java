package io.archforge.app.bench;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.refine.ChoiceEvidence;
import io.archforge.refine.Decision;
import io.archforge.refine.Refinement;
import io.archforge.refine.ValueEvidence;
import java.util.List;
import java.util.Locale;

/** The Markdown summary of {@code archforge bench refine}. */
final class RefineBenchReport {

    private final RefineBenchmark.Settings settings;
    private final List<RefineBenchmark.SeedResult> results;
    private final List<Integer> checkpoints;

    RefineBenchReport(RefineBenchmark.Settings settings,
            List<RefineBenchmark.SeedResult> results, List<Integer> checkpoints) {
        this.settings = settings;
        this.results = List.copyOf(results);
        this.checkpoints = checkpoints.stream().filter(t -> t <= settings.trials()).toList();
    }

    /** Renders the summary; {@code detailSeed} picks the seed shown in detail. */
    String render(long detailSeed, double seconds) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Source: %s, %d trials on %s per seed; "
                + "refinement at confidence %s with the best %s of the trials as top group "
                + "(one-sided hypergeometric test, Holm-adjusted). %d seeds in %.1f s.%n%n",
                settings.strategy(), settings.sourceTrials(), settings.source().id(),
                settings.refiner().confidence(), percent(settings.refiner().topFraction()),
                results.size(), seconds));
        results.stream().filter(r -> r.seed() == detailSeed).findFirst()
                .ifPresent(r -> text.append(detail(r)).append('\n'));
        text.append(removals()).append('\n');
        text.append(regret());
        return text.toString();
    }

    private String detail(RefineBenchmark.SeedResult result) {
        Refinement refinement = result.refinement();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Refinement of seed %d: best trial #%d %s; %d of %d cells kept.%n%n",
                result.seed(), refinement.bestTrial(), refinement.bestArchitecture(),
                refinement.sizeAfter(), refinement.sizeBefore()));
        text.append("| edge | importance | operation | trials | top | p | adjusted p | "
                + "decision |\n|---|---|---|---|---|---|---|---|\n");
        for (ChoiceEvidence choice : refinement.choices()) {
            for (ValueEvidence value : choice.values()) {
                text.append(String.format(Locale.ROOT, "| %s | %.3f | %s | %d | %d | %s | %s | "
                        + "%s |%n", choice.choice(), choice.importance(), value.value(),
                        value.trials(), value.topTrials(), probability(value.pValue()),
                        probability(value.adjustedPValue()), value.decision().id()));
            }
        }
        return text.toString();
    }

    /** Tabulates the share of seeds that remove each value, then summarises the removals. */
    private String removals() {
        List<ChoiceEvidence> choices = results.get(0).refinement().choices();
        List<String> values = choices.get(0).values().stream().map(ValueEvidence::value)
                .toList();
        StringBuilder text = new StringBuilder("Share of the " + results.size()
                + " seeds that remove each operation from each edge:\n\n| edge | "
                + String.join(" | ", values) + " |\n|---" + "|---".repeat(values.size())
                + "|\n");
        for (int i = 0; i < choices.size(); i++) {
            text.append("| ").append(choices.get(i).choice()).append(" |");
            for (int j = 0; j < values.size(); j++) {
                int choice = i;
                int value = j;
                long removed = results.stream().filter(r -> r.refinement().choices()
                        .get(choice).values().get(value).decision() == Decision.REMOVED)
                        .count();
                text.append(' ').append(percent((double) removed / results.size()))
                        .append(" |");
            }
            text.append('\n');
        }
        return text.append(removalSummary()).toString();
    }

    /** Counts removals and sizes over the seeds, and the seeds that keep an optimum. */
    private String removalSummary() {
        StringBuilder text = new StringBuilder();
        Summary removed = Summary.of(results.stream()
                .mapToDouble(r -> r.refinement().removedCount()).toArray());
        Summary size = Summary.of(results.stream()
                .mapToDouble(r -> r.refinement().sizeAfter()).toArray());
        long none = results.stream().filter(r -> r.refinement().removedCount() == 0).count();
        text.append(String.format(Locale.ROOT, "%nValues removed per seed: mean %.2f, at most "
                + "%.0f; %d of %d seeds remove none. Refined space: mean %.0f of %d cells.%n",
                removed.mean(), removed.max(), none, results.size(), size.mean(),
                results.get(0).refinement().sizeBefore()));

        text.append("Refined spaces that still contain an optimal cell:");
        for (Nb201Dataset target : settings.targets()) {
            long kept = results.stream().filter(r -> r.optimumKept().get(target)).count();
            text.append(String.format(Locale.ROOT, " %s %d of %d;", target.id(), kept,
                    results.size()));
        }
        text.setLength(text.length() - 1);
        return text.append(".\n").toString();
    }

    private String regret() {
        int source = settings.sourceTrials();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Regret in test "
                + "accuracy points (optimum minus best found), mean +- standard error over "
                + "%d seeds. 'refined' counts only the trials of the search in the refined "
                + "space, not the %d source trials on %s; 'full at %d+t' is the full-space "
                + "search after as many trials as source and refined search together.%n%n",
                results.size(), source, settings.source().id(), source));
        text.append("| data set | trials t | full | refined | full at ").append(source)
                .append("+t |\n|---|---|---|---|---|\n");
        for (Nb201Dataset target : settings.targets()) {
            for (int t : checkpoints) {
                Summary full = at(target, t, false);
                Summary refined = at(target, t, true);
                Summary fullLater = at(target, source + t, false);
                text.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n",
                        target.id(), t, full, refined, fullLater));
            }
        }
        return text.toString();
    }

    private Summary at(Nb201Dataset target, int trials, boolean refined) {
        return Summary.of(results.stream()
                .mapToDouble(r -> (refined ? r.refined() : r.full()).get(target)[trials - 1])
                .toArray());
    }

    private static String probability(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value != 0 && value < 0.001 ? String.format(Locale.ROOT, "%.1e", value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** Mean, standard error and maximum of a sample. */
    private record Summary(double mean, double standardError, double max) {

        static Summary of(double[] values) {
            int n = values.length;
            double mean = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (double value : values) {
                mean += value / n;
                max = Math.max(max, value);
            }
            double squares = 0;
            for (double value : values) {
                squares += (value - mean) * (value - mean);
            }
            double error = n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0;
            return new Summary(mean, error, max);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f +- %.2f", mean, standardError);
        }
    }
}
