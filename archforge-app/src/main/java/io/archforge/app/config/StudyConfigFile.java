package io.archforge.app.config;

import io.archforge.app.cli.UsageException;
import io.archforge.app.domain.command.CommandSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Applies a YAML study configuration ({@code --config FILE}) to a parsed command. Each
 * key is a long option name of the command without the leading dashes, such as
 * {@code trials} or {@code time-limit} ({@code time_limit} works too), and gives the
 * option's value unless the command line gives it: the command line wins.
 *
 * <p>Two keys are sections: {@code space:} as a mapping declares a space
 * ({@link SpaceDefinitions}), as a text it names one like {@code --space}, and
 * {@code evaluator:} configures the command evaluator ({@code command}, {@code workdir},
 * {@code metrics}, {@code timeout}). Relative paths are read from the configuration's
 * folder, which is also the program's default working directory.
 *
 * <p>Values from the file count as given options, so resuming a stored study compares
 * them with the stored study as it compares options from the command line.
 */
public final class StudyConfigFile {

    /** The section that configures the command evaluator. */
    public static final String EVALUATOR = "evaluator";

    /** Options that make no sense in a configuration file. */
    private static final Set<String> EXCLUDED = Set.of("config", "help", "version");
    private static final Set<String> EVALUATOR_KEYS =
            Set.of("command", "workdir", "metrics", "timeout");

    private final CommandSpec spec;
    private final ParseResult parsed;
    private final Path folder;
    private final Map<String, OptionSpec> options;
    private final Set<String> skipped;

    private StudyConfigFile(CommandSpec spec, Path file, Set<String> skipped) {
        this.spec = spec;
        this.parsed = spec.commandLine().getParseResult();
        Path parent = file.toAbsolutePath().normalize().getParent();
        this.folder = parent != null ? parent : Path.of("").toAbsolutePath();
        this.options = optionsByKey(spec);
        this.skipped = skipped;
    }

    /**
     * Applies the configuration {@code file} to the options of {@code spec} that the
     * command line left out; does nothing when {@code file} is null.
     *
     * @throws UsageException naming the file, the line, the key and the fix for an
     *     unknown key, a value of the wrong type or an invalid section
     */
    public static void apply(CommandSpec spec, Path file) {
        if (file == null) {
            return;
        }
        new StudyConfigFile(spec, file, Set.of()).apply(ConfigTrees.readYaml(file), file);
    }

    /**
     * Applies the configuration {@code file} as {@link #apply(CommandSpec, Path)} does, but
     * skips the keys of options that only {@code reference} has, so that a command such as
     * {@code evaluate} reads the configuration of a {@code search}.
     *
     * @throws UsageException naming the file, the line, the key and the fix for a key
     *     that neither command has, a value of the wrong type or an invalid section
     */
    public static void apply(CommandSpec spec, Path file, CommandSpec reference) {
        if (file == null) {
            return;
        }
        Set<String> skipped = new TreeSet<>(optionsByKey(reference).keySet());
        skipped.removeAll(optionsByKey(spec).keySet());
        new StudyConfigFile(spec, file, skipped).apply(ConfigTrees.readYaml(file), file);
    }

    private static Map<String, OptionSpec> optionsByKey(CommandSpec spec) {
        Map<String, OptionSpec> byKey = new LinkedHashMap<>();
        for (OptionSpec option : spec.options()) {
            String key = option.longestName().replaceFirst("^-+", "");
            if (!EXCLUDED.contains(key)) {
                byKey.put(key, option);
            }
        }
        return byKey;
    }

    private void apply(ConfigNode root, Path file) {
        if (root.value() == null) {
            throw ConfigErrors.at(root, "the configuration is empty; give options such as "
                    + "'dataset: cifar10' or 'trials: 50'");
        }
        Map<String, ConfigNode> entries = root.asMap("the configuration");
        ConfigNode spaceSection = null;
        for (Map.Entry<String, ConfigNode> entry : entries.entrySet()) {
            String key = entry.getKey();
            ConfigNode value = entry.getValue();
            if (key.equals(SpaceDefinitions.SECTION) && value.isMap()) {
                // Checks the section now, so a bad definition fails before anything runs.
                SpaceDefinitions.read(value);
                spaceSection = value;
            } else if (key.equals(EVALUATOR)) {
                applyEvaluator(value, entries.containsKey("dataset"));
            } else {
                applyOption(key, value);
            }
        }
        if (spaceSection != null) {
            requireCommandEvaluator(spaceSection);
            setUnlessGiven("--space-file", file.toAbsolutePath().normalize());
        }
        defaultWorkingDirectory();
    }

    /**
     * Checks that a declared space goes with the command evaluator, the only evaluator
     * that can train its architectures. Without a data set, as when a study resumes by
     * name, the stored study decides.
     */
    private void requireCommandEvaluator(ConfigNode spaceSection) {
        Object dataset = spec.findOption("--dataset").getValue();
        if (dataset != null && !dataset.toString().startsWith(CommandSettings.PREFIX)) {
            throw ConfigErrors.at(spaceSection, "a declared space needs the command evaluator,"
                    + " not --dataset " + dataset + "; add an evaluator section with the "
                    + "program that trains its architectures");
        }
    }

    private void applyOption(String key, ConfigNode value) {
        OptionSpec option = options.get(key.replace('_', '-'));
        if (option == null && skipped.contains(key.replace('_', '-'))) {
            return;
        }
        if (option == null) {
            throw ConfigErrors.unknownKey(value, key, "the configuration", validKeys());
        }
        if (!parsed.hasMatchedOption(option)) {
            option.setValue(convert(option, key, value));
        }
    }

    private Collection<String> validKeys() {
        Set<String> keys = new TreeSet<>(options.keySet());
        keys.addAll(skipped);
        keys.add(EVALUATOR);
        return keys;
    }

    private void applyEvaluator(ConfigNode section, boolean datasetKey) {
        Map<String, ConfigNode> entries = section.asMap("the evaluator section");
        for (Map.Entry<String, ConfigNode> entry : entries.entrySet()) {
            if (!EVALUATOR_KEYS.contains(entry.getKey())) {
                throw ConfigErrors.unknownKey(entry.getValue(), entry.getKey(),
                        "the evaluator section", EVALUATOR_KEYS);
            }
        }
        ConfigNode command = entries.get("command");
        if (command == null) {
            throw ConfigErrors.at(section, "the evaluator section is missing the key 'command';"
                    + " name the program and its arguments, as in command: [python3, train.py]");
        }
        if (datasetKey) {
            throw ConfigErrors.at(section, "the configuration has both 'dataset' and an "
                    + "evaluator section; the evaluator's command sets the data set, so drop"
                    + " 'dataset'");
        }
        setUnlessGiven("--dataset", CommandSettings.PREFIX
                + CommandSettings.formatCommand(texts(command, "command")));
        if (entries.containsKey("workdir")) {
            setUnlessGiven("--data", folder.resolve(text(entries.get("workdir"), "workdir"))
                    .normalize());
        }
        if (entries.containsKey("metrics")) {
            setUnlessGiven("--metric", texts(entries.get("metrics"), "metrics"));
        }
        if (entries.containsKey("timeout")) {
            setUnlessGiven("--command-timeout", timeout(entries.get("timeout")));
        }
    }

    /** Reads a bare number of seconds or a duration text such as {@code 10m}. */
    private static String timeout(ConfigNode node) {
        if (node.value() instanceof Integer || node.value() instanceof Long) {
            return node.value() + "s";
        }
        String text = text(node, "timeout");
        try {
            CommandSettings.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw ConfigErrors.at(node, "'timeout' is " + node.describe() + "; expected seconds"
                    + " or a duration such as 90s, 10m or 2h");
        }
        return text;
    }

    /** Sets the configuration's folder as the working directory when none is given. */
    private void defaultWorkingDirectory() {
        OptionSpec dataset = spec.findOption("--dataset");
        OptionSpec data = spec.findOption("--data");
        if (dataset == null || data == null || data.getValue() != null) {
            return;
        }
        Object value = dataset.getValue();
        if (value != null && value.toString().startsWith(CommandSettings.PREFIX)) {
            data.setValue(folder);
        }
    }

    private void setUnlessGiven(String name, Object value) {
        OptionSpec option = spec.findOption(name);
        if (option == null) {
            throw new IllegalStateException("command " + spec.name() + " lacks option " + name);
        }
        if (!parsed.hasMatchedOption(option)) {
            option.setValue(value);
        }
    }

    private Object convert(OptionSpec option, String key, ConfigNode node) {
        Class<?> type = option.type();
        if (Collection.class.isAssignableFrom(type)) {
            return new ArrayList<>(texts(node, key));
        }
        if (type == Boolean.class || type == boolean.class) {
            if (node.value() instanceof Boolean value) {
                return value;
            }
            throw wrongType(node, key, "true or false");
        }
        if (type == Integer.class || type == int.class) {
            long value = integral(node, key);
            if (value != (int) value) {
                throw wrongType(node, key, "an integer");
            }
            return (int) value;
        }
        if (type == Long.class || type == long.class) {
            return integral(node, key);
        }
        if (type == Double.class || type == double.class) {
            return number(node, key);
        }
        if (type == Float.class || type == float.class) {
            return (float) number(node, key);
        }
        if (type == Path.class) {
            return folder.resolve(text(node, key)).normalize();
        }
        return text(node, key);
    }

    private static long integral(ConfigNode node, String key) {
        if (node.value() instanceof Integer || node.value() instanceof Long) {
            return ((Number) node.value()).longValue();
        }
        throw wrongType(node, key, "an integer");
    }

    private static double number(ConfigNode node, String key) {
        if (node.value() instanceof Number value) {
            return value.doubleValue();
        }
        throw wrongType(node, key, "a number");
    }

    /** Returns a scalar as written, so that {@code yes} or {@code 007} stay as they are. */
    private static String text(ConfigNode node, String key) {
        if (node.isScalar()) {
            return node.text();
        }
        throw wrongType(node, key, "a text");
    }

    private static List<String> texts(ConfigNode node, String key) {
        if (!node.isList()) {
            return List.of(text(node, key));
        }
        List<String> values = new ArrayList<>();
        for (ConfigNode item : node.asList("'" + key + "'")) {
            values.add(text(item, key));
        }
        return values;
    }

    private static UsageException wrongType(ConfigNode node, String key, String expected) {
        return ConfigErrors.at(node, "'" + key + "' is " + node.describe() + "; expected "
                + expected);
    }
}
