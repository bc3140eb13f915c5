package io.archforge.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archforge.study.Constraint;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of a {@link StudyConfig}, as stored with each study.
 *
 * <p>Objectives are written as {@code NAME:max} or {@code NAME:min} strings,
 * constraints, when there are any, as {@code METRIC<=BOUND[@DEVICE]} strings, and
 * option maps with sorted keys, so equal configurations give equal text, and
 * {@code read(write(config))} equals {@code config}. Example:
 * <pre>{@code
 * {"name":"nb201-random","space":"nb201","evaluator":"nb201",
 *  "evaluatorOptions":{"dataset":"cifar10"},"strategy":"random",
 *  "strategyOptions":{},"objectives":["accuracy:max","params:min"],"seed":42}
 * }</pre>
 */
public final class StudyConfigJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StudyConfigJson() {
    }

    /** Writes {@code config} as one line of JSON. */
    public static String write(StudyConfig config) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", config.name());
        root.put("space", config.space());
        root.put("evaluator", config.evaluator());
        root.set("evaluatorOptions", JsonMaps.toNode(config.evaluatorOptions()));
        root.put("strategy", config.strategy());
        root.set("strategyOptions", JsonMaps.toNode(config.strategyOptions()));
        ArrayNode objectives = root.putArray("objectives");
        config.objectives().forEach(objective -> objectives.add(objective.toString()));
        root.put("seed", config.seed());
        config.scheduler().ifPresent(name -> {
            root.put("scheduler", name);
            root.set("schedulerOptions", JsonMaps.toNode(config.schedulerOptions()));
        });
        if (!config.constraints().isEmpty()) {
            ArrayNode constraints = root.putArray("constraints");
            config.constraints().forEach(constraint -> constraints.add(constraint.toString()));
        }
        return root.toString();
    }

    /**
     * Reads a configuration written by {@link #write}.
     *
     * @throws IllegalArgumentException when the text is not such JSON, naming the first problem
     */
    public static StudyConfig read(String json) {
        JsonNode root = parse(json);
        return new StudyConfig(
                text(root, "name"),
                text(root, "space"),
                text(root, "evaluator"),
                JsonMaps.fromNode(field(root, "evaluatorOptions"), "evaluatorOptions"),
                text(root, "strategy"),
                JsonMaps.fromNode(field(root, "strategyOptions"), "strategyOptions"),
                objectives(field(root, "objectives")),
                seed(field(root, "seed")),
                root.hasNonNull("scheduler") ? Optional.of(text(root, "scheduler")) : Optional.empty(),
                root.hasNonNull("schedulerOptions")
                        ? JsonMaps.fromNode(root.get("schedulerOptions"), "schedulerOptions")
                        : Map.of(),
                root.hasNonNull("constraints") ? constraints(root.get("constraints")) : List.of());
    }

    private static List<Constraint> constraints(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("invalid study configuration: field 'constraints'"
                    + " must be an array of METRIC<=BOUND strings, got " + node);
        }
        List<Constraint> constraints = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("invalid study configuration: constraint "
                        + item + " must be a METRIC<=BOUND or METRIC>=BOUND string");
            }
            constraints.add(Constraint.parse(item.textValue()));
        }
        return constraints;
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(
                        "invalid study configuration: expected a JSON object, got " + json);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "invalid study configuration JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode field(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(
                    "invalid study configuration: field '" + name + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode root, String name) {
        JsonNode value = field(root, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("invalid study configuration: field '" + name
                    + "' must be a string, got " + value);
        }
        return value.textValue();
    }

    private static List<Objective> objectives(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("invalid study configuration: field 'objectives'"
                    + " must be an array of NAME:max or NAME:min strings, got " + node);
        }
        List<Objective> objectives = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("invalid study configuration: objective "
                        + item + " must be a NAME:max or NAME:min string");
            }
            objectives.add(Objective.parse(item.textValue()));
        }
        return objectives;
    }

    private static long seed(JsonNode node) {
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw new IllegalArgumentException("invalid study configuration: field 'seed'"
                    + " must be a 64-bit integer, got " + node);
        }
        return node.longValue();
    }
}
