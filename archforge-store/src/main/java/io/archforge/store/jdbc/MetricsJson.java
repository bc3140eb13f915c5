package io.archforge.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metric values as a JSON object with sorted keys. Finite values are JSON numbers, which
 * Jackson writes and reads back exactly. NaN and the infinities, which JSON numbers
 * cannot hold, are the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
 */
final class MetricsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetricsJson() {
    }

    static String write(Map<String, Double> metrics) {
        ObjectNode node = MAPPER.createObjectNode();
        new TreeMap<>(metrics).forEach((name, value) -> {
            if (Double.isFinite(value)) {
                node.put(name, value);
            } else {
                node.put(name, Double.toString(value));
            }
        });
        return node.toString();
    }

    /**
     * Reads a JSON object of metric values.
     *
     * @param source the column the JSON came from, for the error message
     * @throws IllegalArgumentException when the text is not such an object
     */
    static Map<String, Double> read(String json, String source) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "invalid JSON in " + source + ": " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(source + " must be a JSON object, got " + node);
        }
        Map<String, Double> metrics = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            metrics.put(field.getKey(), value(field.getValue(), source + "." + field.getKey()));
        }
        return metrics;
    }

    private static double value(JsonNode node, String source) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        String text = node.isTextual() ? node.textValue() : "";
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException(source + " must be a number, \"NaN\","
                    + " \"Infinity\" or \"-Infinity\", got " + node);
        };
    }
}
