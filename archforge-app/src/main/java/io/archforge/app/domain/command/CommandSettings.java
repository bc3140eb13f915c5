package io.archforge.app.domain.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.app.config.SpaceDefinitions;
import io.archforge.space.declared.SpaceDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of the command evaluator, as stored with a study.
 *
 * @param command the program and its arguments, run without a shell
 * @param workingDirectory the absolute directory the program runs in
 * @param metrics the metric names the program reports, at least one
 * @param timeout how long one run may take before its process tree is killed
 * @param epochs the epochs passed to the program and the highest fidelity a scheduler
 *     may request, or empty when the program picks its own
 * @param space the declared space, if the study searches one
 */
public record CommandSettings(List<String> command, Path workingDirectory, List<String> metrics,
        Duration timeout, OptionalInt epochs, Optional<SpaceDefinition> space) {

    /** The prefix of {@code --dataset} that selects the command evaluator. */
    public static final String PREFIX = "command:";
    /** The default of {@link #timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    /** The metric a program reports when none is declared. */
    public static final String DEFAULT_METRIC = "accuracy";

    static final String DATASET = "dataset";
    static final String COMMAND = "command";
    static final String WORKDIR = "workdir";
    static final String METRICS = "metrics";
    static final String TIMEOUT_MS = "timeout_ms";
    static final String EPOCHS = "epochs";
    /** The evaluator option that contains the declared space as JSON. */
    public static final String SPACE_DEFINITION = "space_definition";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    public CommandSettings {
        command = List.copyOf(command);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(epochs, "epochs");
        Objects.requireNonNull(space, "space");
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("the command is empty; name the program, as in "
                    + "command:./train.sh or command: [python3, train.py]");
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metrics declared; name at least one metric"
                    + " the program reports");
        }
        for (String metric : metrics) {
            if (metric.isBlank() || metric.contains(",")) {
                throw new IllegalArgumentException("invalid metric name '" + metric
                        + "': a name is non-blank and has no ','");
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("invalid timeout " + timeout
                    + ": it must be more than 0");
        }
        if (epochs.isPresent() && epochs.getAsInt() < 1) {
            throw new IllegalArgumentException("invalid epochs " + epochs.getAsInt()
                    + ": it must be 1 or more");
        }
    }

    /**
     * Reads the program and arguments after {@value #PREFIX}: a JSON list of texts such
     * as {@code ["python3", "train.py"]}, or words separated by spaces.
     *
     * @throws IllegalArgumentException when a JSON list is invalid
     */
    public static List<String> parseCommand(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("[")) {
            try {
                return JSON.readValue(trimmed, new TypeReference<List<String>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("'" + text + "' is not a JSON list of texts"
                        + " such as [\"python3\", \"train.py\"]", e);
            }
        }
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    /**
     * Returns the text after {@value #PREFIX} that {@link #parseCommand} reads back: the
     * words joined by spaces, or a JSON list when a word is empty or contains whitespace.
     */
    public static String formatCommand(List<String> command) {
        boolean plain = command.stream()
                .allMatch(word -> !word.isEmpty() && !word.matches(".*\\s.*")
                        && !word.startsWith("["));
        if (plain) {
            return String.join(" ", command);
        }
        try {
            return JSON.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the command as JSON", e);
        }
    }

    /**
     * Reads a duration such as {@code 90s}, {@code 10m}, {@code 2h} or {@code 500ms}.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid duration '" + text
                    + "': use a whole number with ms, s, m or h, such as 90s or 10m");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** Returns the data set as the command line names it, {@code command:...}. */
    public String displayName() {
        return PREFIX + formatCommand(command);
    }

    /** Returns the settings as evaluator options, which {@link #fromOptions} reads back. */
    public Map<String, String> toOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(DATASET, displayName());
        try {
            options.put(COMMAND, JSON.writeValueAsString(command));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the command as JSON", e);
        }
        options.put(WORKDIR, workingDirectory.toString());
        options.put(METRICS, String.join(",", metrics));
        options.put(TIMEOUT_MS, Long.toString(timeout.toMillis()));
        epochs.ifPresent(value -> options.put(EPOCHS, Integer.toString(value)));
        space.ifPresent(definition -> options.put(SPACE_DEFINITION,
                SpaceDefinitions.toJson(definition)));
        return options;
    }

    /**
     * Reads settings stored by {@link #toOptions}.
     *
     * @throws IllegalArgumentException when an option is missing or invalid
     */
    public static CommandSettings fromOptions(Map<String, String> options) {
        List<String> command = parseCommand(require(options, COMMAND));
        Path workdir = Path.of(require(options, WORKDIR));
        List<String> metrics = List.of(require(options, METRICS).split(","));
        Duration timeout = Duration.ofMillis(Long.parseLong(require(options, TIMEOUT_MS)));
        OptionalInt epochs = options.containsKey(EPOCHS)
                ? OptionalInt.of(Integer.parseInt(options.get(EPOCHS))) : OptionalInt.empty();
        Optional<SpaceDefinition> space = SpaceDefinitions.stored(options, SPACE_DEFINITION,
                "the space definition stored with the study");
        return new CommandSettings(command, workdir, metrics, timeout, epochs, space);
    }

    private static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the command evaluator's stored options lack '"
                    + key + "'");
        }
        return value;
    }
}
