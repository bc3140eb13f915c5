package io.archforge.app.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.archforge.app.cli.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML files and JSON texts into {@link ConfigNode} trees that keep the line of
 * every value. A key that appears twice in one mapping is an error, because YAML
 * parsers would otherwise keep one of the values without a word.
 *
 * <p>The reader bounds what a hostile file can cost. A file is at most
 * {@value #MAX_FILE_BYTES} bytes and contains one document. Values nest at most
 * {@value #MAX_DEPTH} levels deep. Aliases ({@code *name}) expand to at most
 * {@value #MAX_ALIAS_VALUES} values in all, so a "billion laughs" document of nested
 * aliases is rejected.
 */
public final class ConfigTrees {

    /** The maximum nesting depth of mappings and lists. Configurations need four levels. */
    static final int MAX_DEPTH = 64;

    /** The maximum number of values that all aliases of a document expand to together. */
    static final int MAX_ALIAS_VALUES = 10_000;

    /**
     * The largest configuration file, 256 KiB, over 250 times the size of the example
     * configuration. SnakeYAML copies its read buffer for every kilobyte of one long token,
     * so a 1.5 MB scalar allocates 4 GB in passing, and a 256 KiB one about 130 MB.
     */
    static final long MAX_FILE_BYTES = 256 * 1024;

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private ConfigTrees() {
    }

    /**
     * Reads the YAML file {@code file}.
     *
     * @throws UsageException when the file cannot be read, is too large, is not valid YAML,
     *     contains more than one document, repeats a key, nests too deep or expands too many
     *     aliases
     */
    public static ConfigNode readYaml(Path file) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new UsageException("configuration file " + file + " not found; check the path");
        }
        requireSmall(file);
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            try {
                return new TreeReader(parser, source).readDocument();
            } catch (JsonProcessingException e) {
                throw new UsageException(source + " line " + line(e, parser)
                        + ": invalid YAML (" + e.getOriginalMessage() + "); fix the syntax", e);
            }
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
            return new TreeReader(parser, source).readDocument();
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getMessage(),
                    e);
        }
    }

    private static void requireSmall(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UsageException("cannot read configuration file " + file + ": "
                    + e.getMessage(), e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new UsageException("configuration file " + file + " is " + size
                    + " bytes, more than the " + MAX_FILE_BYTES + " a configuration may have;"
                    + " check that it is the right file");
        }
    }

    /** Returns the line of a parse error, from the parser when the error has none. */
    private static int line(JsonProcessingException e, JsonParser parser) {
        JsonLocation location = e.getLocation() != null ? e.getLocation()
                : parser.currentLocation();
        return location.getLineNr();
    }

    /** Reads one document, with the anchors and the alias budget of that document. */
    private static final class TreeReader {
        private final JsonParser parser;
        private final String source;
        private final Map<String, Anchored> anchors = new HashMap<>();
        private int values;
        private int aliasValues;

        /** A value with an anchor, and the number of values it contains. */
        private record Anchored(ConfigNode node, int values) {
        }

        TreeReader(JsonParser parser, String source) {
            this.parser = parser;
            this.source = source;
        }

        ConfigNode readDocument() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new ConfigNode(null, null, 1, source);
            }
            ConfigNode root = readValue(token, 1);
            if (parser.nextToken() != null) {
                throw new UsageException(source + " line " + tokenLine() + ": a second "
                        + "document starts here; a configuration is one document, so remove"
                        + " the '---' line and what follows, or merge the two");
            }
            return root;
        }

        private ConfigNode readValue(JsonToken token, int depth) throws IOException {
            int line = tokenLine();
            if (isAlias()) {
                return resolveAlias(parser.getText(), line);
            }
            String anchor = anchor();
            int before = values++;
            ConfigNode node = switch (token) {
                case START_OBJECT -> new ConfigNode(readMap(checkDepth(depth, line)), null,
                        line, source);
                case START_ARRAY -> new ConfigNode(readList(checkDepth(depth, line)), null,
                        line, source);
                case VALUE_STRING -> new ConfigNode(parser.getText(), parser.getText(), line,
                        source);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new ConfigNode(
                        parser.getNumberValue(), parser.getText(), line, source);
                case VALUE_TRUE -> new ConfigNode(Boolean.TRUE, parser.getText(), line, source);
                case VALUE_FALSE -> new ConfigNode(Boolean.FALSE, parser.getText(), line,
                        source);
                case VALUE_NULL -> new ConfigNode(null, null, line, source);
                default -> throw new UsageException(source + " line " + line
                        + ": unsupported YAML value " + token + "; use mappings, lists and"
                        + " scalars");
            };
            if (anchor != null) {
                anchors.put(anchor, new Anchored(node, values - before));
            }
            return node;
        }

        private int checkDepth(int depth, int line) {
            if (depth > MAX_DEPTH) {
                throw new UsageException(source + " line " + line + ": values nest more than "
                        + MAX_DEPTH + " levels deep; a configuration needs at most four");
            }
            return depth;
        }

        /**
         * Returns the value an alias names, counting its values against the budget that
         * keeps nested aliases from expanding exponentially.
         */
        private ConfigNode resolveAlias(String name, int line) {
            Anchored anchored = anchors.get(name);
            if (anchored == null) {
                throw new UsageException(source + " line " + line + ": alias '*" + name
                        + "' names no earlier anchor '&" + name + "'; define the anchor"
                        + " first or write the value out");
            }
            // Both counts grow, so an anchor over aliases counts what they expand to.
            aliasValues += anchored.values();
            values += anchored.values();
            if (aliasValues > MAX_ALIAS_VALUES) {
                throw new UsageException(source + " line " + line + ": aliases expand to more"
                        + " than " + MAX_ALIAS_VALUES + " values; write the values out"
                        + " instead of nesting aliases");
            }
            return anchored.node();
        }

        private boolean isAlias() {
            return parser instanceof YAMLParser yaml && yaml.isCurrentAlias();
        }

        private String anchor() {
            return parser instanceof YAMLParser yaml ? yaml.getCurrentAnchor() : null;
        }

        private int tokenLine() {
            return parser.currentTokenLocation().getLineNr();
        }

        private Map<String, ConfigNode> readMap(int depth) throws IOException {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT;
                    token = parser.nextToken()) {
                String key = parser.currentName();
                int line = tokenLine();
                ConfigNode value = readValue(parser.nextToken(), depth + 1);
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

        private List<ConfigNode> readList(int depth) throws IOException {
            List<ConfigNode> items = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY;
                    token = parser.nextToken()) {
                items.add(readValue(token, depth + 1));
            }
            return Collections.unmodifiableList(items);
        }
    }
}
