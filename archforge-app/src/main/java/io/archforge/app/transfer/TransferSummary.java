package io.archforge.app.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored record of a study's warm start, for {@code search} and {@code study show}:
 * each source study, how many of its trials were transferred, and its weight as last
 * measured. Transferred trials are knowledge, not trials of the study, so they appear
 * here and never in the study's trial counts.
 *
 * @param sources one entry per source study, in the order given
 */
public record TransferSummary(List<Source> sources) {

    public TransferSummary {
        sources = List.copyOf(sources);
    }

    /**
     * One source study.
     *
     * @param study its name
     * @param trials how many of its complete trials were transferred
     * @param weight its last stored weight, or empty before the first run ended
     * @param kendallTau its last stored rank agreement with the study's own trials
     * @param pairs how many of the study's trials the agreement was measured on
     */
    public record Source(String study, int trials, Optional<Double> weight,
            Optional<Double> kendallTau, Optional<Integer> pairs) {
    }

    /** Reads the summary from a study's attributes; empty when it had no warm start. */
    public static Optional<TransferSummary> of(Map<String, String> attributes) {
        String names = attributes.get(WarmStarts.SOURCES);
        if (names == null || names.isBlank()) {
            return Optional.empty();
        }
        List<Source> sources = new ArrayList<>();
        for (String name : names.split("\n")) {
            String snapshot = attributes.getOrDefault(WarmStarts.TRIALS + name, "");
            int trials = (int) snapshot.lines().filter(line -> !line.isBlank()).count();
            sources.add(new Source(name, trials,
                    number(attributes.get(WarmStarts.WEIGHT + name)),
                    number(attributes.get(WarmStarts.TAU + name)),
                    number(attributes.get(WarmStarts.PAIRS + name)).map(Double::intValue)));
        }
        return Optional.of(new TransferSummary(sources));
    }

    private static Optional<Double> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Double.valueOf(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Returns the JSON form: a list of objects with {@code study}, {@code transferred_trials},
     * {@code weight}, {@code kendall_tau} and {@code pairs}. */
    public List<Map<String, Object>> toJson() {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Source source : sources) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("study", source.study());
            entry.put("transferred_trials", source.trials());
            entry.put("weight", source.weight().orElse(null));
            entry.put("kendall_tau", source.kendallTau().orElse(null));
            entry.put("pairs", source.pairs().orElse(null));
            json.add(entry);
        }
        return json;
    }

    /** Returns the text form: one line per source. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        for (Source source : sources) {
            text.append("Warm start from '").append(source.study()).append("': ")
                    .append(source.trials()).append(" transferred trials (not counted)");
            source.weight().ifPresent(w -> text.append(String.format(java.util.Locale.ROOT,
                    ", weight %.3f", w)));
            if (source.kendallTau().isPresent() && source.pairs().isPresent()) {
                text.append(String.format(java.util.Locale.ROOT,
                        " (Kendall tau %.3f over %d trials)", source.kendallTau().get(),
                        source.pairs().get()));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
