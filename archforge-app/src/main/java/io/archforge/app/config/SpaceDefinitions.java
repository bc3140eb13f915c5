package io.archforge.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.archforge.app.cli.UsageException;
import io.archforge.space.declared.CellDefinition;
import io.archforge.space.declared.ChoiceDefinition;
import io.archforge.space.declared.SpaceDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes the {@code space:} section of a study configuration, which declares a
 * {@link SpaceDefinition}:
 *
 * <pre>
 * space:
 *   name: mlp
 *   choices:
 *     - {name: layers, type: int, low: 1, high: 4}
 *     - {name: activation, type: categorical, values: [relu, tanh]}
 *     - {name: learning_rate, type: real, low: 0.0001, high: 0.1, log: true}
 *   cells:
 *     - {name: normal, nodes: 4, operations: [conv3x3, skip, none]}
 * </pre>
 *
 * <p>Writing a definition and reading it back gives an equal definition, in YAML for
 * users and in JSON for the copy stored with a study.
 */
public final class SpaceDefinitions {

    /** The configuration key of the section. */
    public static final String SECTION = "space";

    private static final Set<String> SPACE_KEYS = Set.of("name", "choices", "cells");
    private static final Set<String> CATEGORICAL_KEYS = Set.of("name", "type", "values");
    private static final Set<String> INT_KEYS = Set.of("name", "type", "low", "high", "step");
    private static final Set<String> REAL_KEYS = Set.of("name", "type", "low", "high", "log");
    private static final Set<String> CELL_KEYS = Set.of("name", "nodes", "operations");
    private static final List<String> TYPES = List.of("categorical", "int", "real");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private SpaceDefinitions() {
    }

    /**
     * Reads the space that the YAML file {@code file} declares: its {@code space:}
     * section, or the whole file when it has no such key.
     *
     * @throws UsageException naming the file, the line and the bad value
     */
    public static SpaceDefinition readFile(Path file) {
        ConfigNode root = ConfigTrees.readYaml(file);
        Map<String, ConfigNode> top = root.asMap("the space file");
        return read(top.containsKey(SECTION) ? top.get(SECTION) : root);
    }

    /**
     * Reads the definition in {@code section}.
     *
     * @throws UsageException naming the file, the line and the bad value
     */
    public static SpaceDefinition read(ConfigNode section) {
        Map<String, ConfigNode> entries = section.asMap("the space section");
        requireKeys(section, entries, SPACE_KEYS, "the space section");
        String name = text(required(section, entries, "name", "the space section"), "name");
        Map<String, Integer> lines = new HashMap<>();
        List<ChoiceDefinition> choices = new ArrayList<>();
        for (ConfigNode item : listOrEmpty(entries.get("choices"), "choices")) {
            ChoiceDefinition choice = choice(item);
            requireNew(lines, item, choice.name());
            choices.add(choice);
        }
        List<CellDefinition> cells = new ArrayList<>();
        for (ConfigNode item : listOrEmpty(entries.get("cells"), "cells")) {
            CellDefinition cell = cell(item);
            requireNew(lines, item, cell.name());
            cells.add(cell);
        }
        try {
            return new SpaceDefinition(name, choices, cells);
        } catch (IllegalArgumentException e) {
            throw ConfigErrors.at(section, e.getMessage());
        }
    }

    /** Checks that no earlier choice or cell has the name {@code name}. */
    private static void requireNew(Map<String, Integer> lines, ConfigNode item, String name) {
        Integer first = lines.putIfAbsent(name, item.line());
        if (first != null) {
            throw ConfigErrors.at(item, "the name '" + name + "' is declared twice, first on"
                    + " line " + first + "; give every choice and cell its own name");
        }
    }

    private static ChoiceDefinition choice(ConfigNode item) {
        Map<String, ConfigNode> entries = item.asMap("a choice");
        String name = text(required(item, entries, "name", "a choice"), "name");
        String where = "choice '" + name + "'";
        ConfigNode typeNode = required(item, entries, "type", where);
        String type = text(typeNode, "type");
        try {
            switch (type) {
                case "categorical" -> {
                    requireKeys(item, entries, CATEGORICAL_KEYS, where);
                    return new ChoiceDefinition.Categorical(name,
                            texts(required(item, entries, "values", where), "values"));
                }
                case "int" -> {
                    requireKeys(item, entries, INT_KEYS, where);
                    int step = entries.containsKey("step")
                            ? integer(entries.get("step"), "step") : 1;
                    return new ChoiceDefinition.IntRange(name,
                            integer(required(item, entries, "low", where), "low"),
                            integer(required(item, entries, "high", where), "high"), step);
                }
                case "real" -> {
                    requireKeys(item, entries, REAL_KEYS, where);
                    boolean log = entries.containsKey("log")
                            && bool(entries.get("log"), "log");
                    return new ChoiceDefinition.RealRange(name,
                            real(required(item, entries, "low", where), "low"),
                            real(required(item, entries, "high", where), "high"), log);
                }
                default -> throw ConfigErrors.at(typeNode, "unknown type '" + type + "' of "
                        + where + "; use one of " + String.join(", ", TYPES));
            }
        } catch (IllegalArgumentException e) {
            throw ConfigErrors.at(item, e.getMessage());
        }
    }

    private static CellDefinition cell(ConfigNode item) {
        Map<String, ConfigNode> entries = item.asMap("a cell");
        String name = text(required(item, entries, "name", "a cell"), "name");
        String where = "cell '" + name + "'";
        requireKeys(item, entries, CELL_KEYS, where);
        try {
            return new CellDefinition(name,
                    integer(required(item, entries, "nodes", where), "nodes"),
                    texts(required(item, entries, "operations", where), "operations"));
        } catch (IllegalArgumentException e) {
            throw ConfigErrors.at(item, e.getMessage());
        }
    }

    private static void requireKeys(ConfigNode node, Map<String, ConfigNode> entries,
            Set<String> valid, String where) {
        for (Map.Entry<String, ConfigNode> entry : entries.entrySet()) {
            if (!valid.contains(entry.getKey())) {
                throw ConfigErrors.unknownKey(entry.getValue(), entry.getKey(), where, valid);
            }
        }
    }

    private static ConfigNode required(ConfigNode node, Map<String, ConfigNode> entries,
            String key, String where) {
        ConfigNode value = entries.get(key);
        if (value == null || value.value() == null) {
            throw ConfigErrors.at(node, where + " is missing the key '" + key + "'");
        }
        return value;
    }

    private static List<ConfigNode> listOrEmpty(ConfigNode node, String key) {
        if (node == null || node.value() == null) {
            return List.of();
        }
        return node.asList("'" + key + "'");
    }

    /** Returns a scalar as written, so that {@code yes} or {@code 007} stay as they are. */
    private static String text(ConfigNode node, String key) {
        if (!node.isScalar()) {
            throw ConfigErrors.at(node, "'" + key + "' is " + node.describe()
                    + "; expected a text");
        }
        return node.text();
    }

    private static List<String> texts(ConfigNode node, String key) {
        List<String> values = new ArrayList<>();
        for (ConfigNode item : node.asList("'" + key + "'")) {
            if (!item.isScalar()) {
                throw ConfigErrors.at(item, "an item of '" + key + "' is " + item.describe()
                        + "; expected a text");
            }
            values.add(item.text());
        }
        return values;
    }

    private static int integer(ConfigNode node, String key) {
        boolean integral = node.value() instanceof Integer || node.value() instanceof Long;
        long value = integral ? ((Number) node.value()).longValue() : 0;
        if (!integral || value != (int) value) {
            throw ConfigErrors.at(node, "'" + key + "' is " + node.describe()
                    + "; expected an integer");
        }
        return (int) value;
    }

    private static double real(ConfigNode node, String key) {
        if (node.value() instanceof Number number) {
            return number.doubleValue();
        }
        if (node.value() instanceof String text) {
            try {
                // YAML 1.1 reads 1e-3 as a text, so a number written that way is accepted.
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                // Falls through to the error below.
            }
        }
        throw ConfigErrors.at(node, "'" + key + "' is " + node.describe()
                + "; expected a number");
    }

    private static boolean bool(ConfigNode node, String key) {
        if (!(node.value() instanceof Boolean value)) {
            throw ConfigErrors.at(node, "'" + key + "' is " + node.describe()
                    + "; expected true or false");
        }
        return value;
    }

    /** Returns the definition as a tree of maps and lists, in the section's layout. */
    public static Map<String, Object> toTree(SpaceDefinition definition) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", definition.name());
        if (!definition.choices().isEmpty()) {
            tree.put("choices", definition.choices().stream().map(SpaceDefinitions::choiceTree)
                    .toList());
        }
        if (!definition.cells().isEmpty()) {
            tree.put("cells", definition.cells().stream().map(SpaceDefinitions::cellTree)
                    .toList());
        }
        return tree;
    }

    private static Map<String, Object> choiceTree(ChoiceDefinition choice) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", choice.name());
        if (choice instanceof ChoiceDefinition.Categorical categorical) {
            tree.put("type", "categorical");
            tree.put("values", categorical.values());
        } else if (choice instanceof ChoiceDefinition.IntRange range) {
            tree.put("type", "int");
            tree.put("low", range.low());
            tree.put("high", range.high());
            tree.put("step", range.step());
        } else {
            ChoiceDefinition.RealRange range = (ChoiceDefinition.RealRange) choice;
            tree.put("type", "real");
            tree.put("low", range.low());
            tree.put("high", range.high());
            tree.put("log", range.log());
        }
        return tree;
    }

    private static Map<String, Object> cellTree(CellDefinition cell) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", cell.name());
        tree.put("nodes", cell.nodes());
        tree.put("operations", cell.operations());
        return tree;
    }

    /** Writes the definition as a YAML document with a {@code space:} section. */
    public static String toYaml(SpaceDefinition definition) {
        try {
            return YAML.writeValueAsString(Map.of(SECTION, toTree(definition)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write space '" + definition.name()
                    + "' as YAML", e);
        }
    }

    /** Writes the definition as one line of JSON, the form stored with a study. */
    public static String toJson(SpaceDefinition definition) {
        try {
            return JSON.writeValueAsString(toTree(definition));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write space '" + definition.name()
                    + "' as JSON", e);
        }
    }

    /**
     * Reads a definition stored by {@link #toJson}.
     *
     * @param source what the text is, such as the study it was stored with
     * @throws IllegalArgumentException when the text is not a valid definition
     */
    public static SpaceDefinition fromJson(String json, String source) {
        try {
            return read(ConfigTrees.readJson(json, source));
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Returns the definition stored under {@code key} of {@code options}, if any. */
    public static Optional<SpaceDefinition> stored(Map<String, String> options, String key,
            String source) {
        return Optional.ofNullable(options.get(key)).map(json -> fromJson(json, source));
    }
}
