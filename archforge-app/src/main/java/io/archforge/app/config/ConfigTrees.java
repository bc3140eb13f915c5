package io.archforge.app.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.archforge.app.cli.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML files and JSON texts into {@link ConfigNode} trees that keep the line of
 * every value. A key that appears twice in one mapping is an error, because YAML
 * parsers would otherwise keep one of the values without a word.
 */
public final class ConfigTrees {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private ConfigTrees() {
    }

    /**
     * Reads the YAML file {@code file}.
     *
     * @throws UsageException when the file cannot be read, is not valid YAML, or repeats
     *     a key
     */
    public static ConfigNode readYaml(Path file) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new UsageException("configuration file " + file + " not found; check the path");
        }
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            return readDocument(parser, source);
        } catch (JsonProcessingException e) {
            throw new UsageException(source + " line " + e.getLocation().getLineNr()
                    + ": invalid YAML (" + e.getOriginalMessage() + "); fix the syntax", e);
        } catch (IOException e) {
            throw new UsageException("cannot read configuration file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads the JSON text {@code text}, such as a definition stored with a study.
     *
     * @param source what the text is, for error messages
     * @throws IllegalArgumentException when the text is not valid JSON
     */
    public static ConfigNode readJson(String text, String source) {
        try (JsonParser parser = JSON.createParser(text)) {
            return readDocument(parser, source);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getMessage(),
                    e);
        }
    }

    private static ConfigNode readDocument(JsonParser parser, String source) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return new ConfigNode(null, null, 1, source);
        }
        return readValue(parser, token, source);
    }

    private static ConfigNode readValue(JsonParser parser, JsonToken token, String source)
            throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        return switch (token) {
            case START_OBJECT -> new ConfigNode(readMap(parser, source), null, line, source);
            case START_ARRAY -> new ConfigNode(readList(parser, source), null, line, source);
            case VALUE_STRING -> new ConfigNode(parser.getText(), parser.getText(), line,
                    source);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new ConfigNode(parser.getNumberValue(),
                    parser.getText(), line, source);
            case VALUE_TRUE -> new ConfigNode(Boolean.TRUE, parser.getText(), line, source);
            case VALUE_FALSE -> new ConfigNode(Boolean.FALSE, parser.getText(), line, source);
            case VALUE_NULL -> new ConfigNode(null, null, line, source);
            default -> throw new UsageException(source + " line " + line
                    + ": unsupported YAML value " + token + "; use mappings, lists and scalars");
        };
    }

    private static Map<String, ConfigNode> readMap(JsonParser parser, String source)
            throws IOException {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT;
                token = parser.nextToken()) {
            String key = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            ConfigNode value = readValue(parser, parser.nextToken(), source);
            if (entries.containsKey(key)) {
                throw new UsageException(source + " line " + line + ": key '" + key
                        + "' appears twice, first on line " + lines.get(key)
                        + "; keep one of them");
            }
            // A value carries its key's line, which is where an error about it points.
            entries.put(key, new ConfigNode(value.value(), value.text(), line, source));
            lines.put(key, line);
        }
        return Collections.unmodifiableMap(entries);
    }

    private static List<ConfigNode> readList(JsonParser parser, String source)
            throws IOException {
        List<ConfigNode> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
            items.add(readValue(parser, token, source));
        }
        return Collections.unmodifiableList(items);
    }
}
