package io.archforge.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** String-to-string maps as JSON objects with sorted keys: options and trial attributes. */
final class JsonMaps {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonMaps() {
    }

    static ObjectNode toNode(Map<String, String> map) {
        ObjectNode node = MAPPER.createObjectNode();
        new TreeMap<>(map).forEach(node::put);
        return node;
    }

    static String write(Map<String, String> map) {
        return toNode(map).toString();
    }

    /**
     * Reads a JSON object of strings.
     *
     * @param source the field or column the JSON came from, for the error message
     */
    static Map<String, String> read(String json, String source) {
        try {
            return fromNode(MAPPER.readTree(json), source);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "invalid JSON in " + source + ": " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, String> fromNode(JsonNode node, String source) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(source + " must be a JSON object, got " + node);
        }
        Map<String, String> map = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException(source + "." + field.getKey()
                        + " must be a string, got " + field.getValue());
            }
            map.put(field.getKey(), field.getValue().textValue());
        }
        return map;
    }
}
