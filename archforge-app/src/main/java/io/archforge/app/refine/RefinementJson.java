package io.archforge.app.refine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archforge.refine.ChoiceEvidence;
import io.archforge.refine.Decision;
import io.archforge.refine.Refinement;
import io.archforge.refine.ValueEvidence;
import io.archforge.study.Objective;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a {@link Refinement}, as {@code archforge refine --json} prints it and
 * as studies store it. Keys are snake_case. A p-value that was not computed is
 * {@code null}. {@code size_before}, {@code size_after} and {@code removed} are derived
 * from the decisions, written for readers and ignored by {@link #read}.
 */
public final class RefinementJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RefinementJson() {
    }

    /** Writes {@code refinement} as a JSON object. */
    public static ObjectNode toJson(Refinement refinement) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("study", refinement.study());
        json.put("space", refinement.space());
        json.put("objective", refinement.objective().toString());
        json.put("confidence", refinement.confidence());
        json.put("top_fraction", refinement.topFraction());
        json.put("trials", refinement.trials());
        json.put("top_trials", refinement.topTrials());
        ObjectNode best = json.putObject("best");
        best.put("trial", refinement.bestTrial());
        best.put("architecture", refinement.bestArchitecture());
        putSize(json, "size_before", refinement.sizeBefore());
        putSize(json, "size_after", refinement.sizeAfter());
        json.put("removed", refinement.removedCount());
        ArrayNode choices = json.putArray("choices");
        for (ChoiceEvidence choice : refinement.choices()) {
            choices.add(choiceJson(choice));
        }
        return json;
    }

    /** Writes {@code refinement} as compact JSON text. */
    public static String write(Refinement refinement) {
        try {
            return MAPPER.writeValueAsString(toJson(refinement));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the refinement as JSON", e);
        }
    }

    private static void putSize(ObjectNode json, String key, long size) {
        if (size < 0) {
            json.putNull(key);
        } else {
            json.put(key, size);
        }
    }

    private static ObjectNode choiceJson(ChoiceEvidence choice) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("choice", choice.choice());
        json.put("kind", choice.kind().id());
        json.put("importance", choice.importance());
        ArrayNode values = json.putArray("values");
        for (ValueEvidence value : choice.values()) {
            ObjectNode entry = values.addObject();
            entry.put("value", value.value());
            entry.put("trials", value.trials());
            entry.put("top_trials", value.topTrials());
            putProbability(entry, "p_value", value.pValue());
            putProbability(entry, "adjusted_p_value", value.adjustedPValue());
            entry.put("decision", value.decision().id());
            entry.put("reason", value.reason());
        }
        return json;
    }

    private static void putProbability(ObjectNode json, String key, double value) {
        if (Double.isNaN(value)) {
            json.putNull(key);
        } else {
            json.put(key, value);
        }
    }

    /**
     * Reads a refinement written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the missing or invalid key
     */
    public static Refinement read(String text) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        List<ChoiceEvidence> choices = new ArrayList<>();
        for (JsonNode choice : array(json, "choices")) {
            choices.add(readChoice(choice));
        }
        JsonNode best = object(json, "best");
        return new Refinement(text(json, "study"), text(json, "space"),
                Objective.parse(text(json, "objective")), number(json, "confidence"),
                number(json, "top_fraction"), integer(json, "trials"),
                integer(json, "top_trials"), integer(best, "trial"),
                text(best, "architecture"), choices);
    }

    private static ChoiceEvidence readChoice(JsonNode json) {
        List<ValueEvidence> values = new ArrayList<>();
        for (JsonNode value : array(json, "values")) {
            values.add(new ValueEvidence(text(value, "value"), integer(value, "trials"),
                    integer(value, "top_trials"), probability(value, "p_value"),
                    probability(value, "adjusted_p_value"),
                    Decision.parse(text(value, "decision")), text(value, "reason")));
        }
        return new ChoiceEvidence(text(json, "choice"),
                ChoiceEvidence.Kind.parse(text(json, "kind")), number(json, "importance"),
                values);
    }

    private static JsonNode field(JsonNode json, String key) {
        JsonNode value = json.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing key '" + key + "'");
        }
        return value;
    }

    private static String text(JsonNode json, String key) {
        JsonNode value = field(json, key);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("key '" + key + "' must be a string, got "
                    + value);
        }
        return value.asText();
    }

    private static double number(JsonNode json, String key) {
        JsonNode value = field(json, key);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("key '" + key + "' must be a number, got "
                    + value);
        }
        return value.asDouble();
    }

    private static double probability(JsonNode json, String key) {
        return field(json, key).isNull() ? Double.NaN : number(json, key);
    }

    private static int integer(JsonNode json, String key) {
        JsonNode value = field(json, key);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("key '" + key + "' must be an integer, got "
                    + value);
        }
        return value.asInt();
    }

    private static JsonNode array(JsonNode json, String key) {
        JsonNode value = field(json, key);
        if (!value.isArray()) {
            throw new IllegalArgumentException("key '" + key + "' must be an array");
        }
        return value;
    }

    private static JsonNode object(JsonNode json, String key) {
        JsonNode value = field(json, key);
        if (!value.isObject()) {
            throw new IllegalArgumentException("key '" + key + "' must be an object");
        }
        return value;
    }
}
