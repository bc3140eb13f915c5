package io.archforge.app.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.study.FrozenTrial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The trials of a study grouped by their provenance: one block per distinct
 * {@link TrialProvenance}, in the order of each block's first trial, and one block for
 * the trials stored without provenance, such as those of an older Archforge version.
 *
 * @param blocks the blocks
 */
public record ProvenanceBlocks(List<Block> blocks) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
            new TypeReference<>() { };

    public ProvenanceBlocks {
        blocks = List.copyOf(blocks);
    }

    /**
     * The trials that share one provenance.
     *
     * @param provenance the shared provenance, or empty for trials stored without one
     * @param trials the trial numbers, ascending
     */
    public record Block(Optional<TrialProvenance> provenance, List<Integer> trials) {

        public Block {
            Objects.requireNonNull(provenance, "provenance");
            trials = List.copyOf(trials);
        }

        /** Returns the trial numbers as ranges, such as {@code 0-41, 45, 47-50}. */
        public String ranges() {
            StringBuilder text = new StringBuilder();
            int i = 0;
            while (i < trials.size()) {
                int j = i;
                while (j + 1 < trials.size() && trials.get(j + 1) == trials.get(j) + 1) {
                    j++;
                }
                text.append(text.length() == 0 ? "" : ", ").append(trials.get(i));
                if (j > i) {
                    text.append('-').append(trials.get(j));
                }
                i = j + 1;
            }
            return text.toString();
        }
    }

    /** Groups {@code trials}, which are ordered by number. */
    public static ProvenanceBlocks of(List<FrozenTrial> trials) {
        Map<Optional<TrialProvenance>, List<Integer>> grouped = new LinkedHashMap<>();
        for (FrozenTrial trial : trials) {
            grouped.computeIfAbsent(TrialProvenance.read(trial.attributes()),
                    key -> new ArrayList<>()).add(trial.number());
        }
        List<Block> blocks = new ArrayList<>();
        grouped.forEach((provenance, numbers) -> blocks.add(new Block(provenance, numbers)));
        return new ProvenanceBlocks(blocks);
    }

    /**
     * Returns the blocks as text: for each, a line naming its trials, then one indented
     * line per attribute with its stored value in full.
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            if (block.provenance().isEmpty()) {
                text.append("No provenance stored for trials ").append(block.ranges())
                        .append('\n');
                continue;
            }
            text.append("Provenance of trials ").append(block.ranges()).append(":\n");
            block.provenance().get().attributes().forEach((name, value) ->
                    text.append("  ").append(name).append(": ")
                            .append(value.isEmpty() ? "(missing)" : value).append('\n'));
        }
        return text.toString();
    }

    /**
     * Returns the blocks for JSON output: each with {@code trials} (the ranges),
     * {@code trial_count} and the four attributes, where {@code data_sha256} and
     * {@code machine} are nested objects when their stored text is a JSON object.
     */
    public List<Map<String, Object>> toJson() {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Block block : blocks) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("trials", block.ranges());
            view.put("trial_count", block.trials().size());
            block.provenance().ifPresent(provenance -> {
                view.put(TrialProvenance.VERSION, provenance.version());
                view.put(TrialProvenance.CONFIG_SHA256, provenance.configSha256());
                view.put(TrialProvenance.DATA_SHA256, object(provenance.dataSha256()));
                view.put(TrialProvenance.MACHINE, object(provenance.machine()));
            });
            json.add(view);
        }
        return json;
    }

    /** Parses {@code text} as a JSON object, or returns the text when it is not one. */
    private static Object object(String text) {
        try {
            Map<String, Object> parsed = JSON.readValue(text, OBJECT);
            return parsed != null ? parsed : text;
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
