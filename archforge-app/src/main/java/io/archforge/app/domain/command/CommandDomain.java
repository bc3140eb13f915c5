package io.archforge.app.domain.command;

import io.archforge.app.cli.UsageException;
import io.archforge.app.config.SpaceDefinitions;
import io.archforge.app.domain.Domain;
import io.archforge.app.domain.DomainRequest;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.provenance.DataInput;
import io.archforge.space.SearchSpace;
import io.archforge.space.declared.SpaceDefinition;
import io.archforge.study.Objective;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The user's own program as the evaluator: {@code --dataset command:PROGRAM [ARGS]}, or
 * the {@code evaluator:} section of a study configuration. Each trial runs the program
 * in the working directory {@code --data DIR} (default: the current directory, or the
 * configuration's folder), see {@link CommandEvaluator}. The space is the one declared
 * with {@code --space-file} or the configuration's {@code space:} section, which the
 * study stores so that it never needs the file again.
 */
public final class CommandDomain implements Domain {

    /** The evaluator name stored with a study. */
    public static final String EVALUATOR = "command";

    /** Declares the space, from a YAML file with a {@code space:} section. */
    public static final String SPACE_FILE = "--space-file";
    /** Names a metric the program reports, comma-separated when repeated. */
    public static final String METRIC = "--metric";
    /** Limits one run of the program, such as {@code 10m}. */
    public static final String TIMEOUT = "--command-timeout";

    private static final Set<String> DOMAIN_OPTIONS = Set.of(SPACE_FILE, METRIC, TIMEOUT);
    private static final String EPOCHS = "--epochs";
    /** The space searched without a declared one. */
    private static final String DEFAULT_SPACE = "nb201";
    /** Metrics where lower is better, which the default objective minimises. */
    private static final Set<String> LOWER_IS_BETTER = Set.of("loss", "error", "mae", "mse",
            "mase", "rmse", "perplexity", "latency_ms", "energy_mj", "memory_mb", "params");

    @Override
    public String evaluator() {
        return EVALUATOR;
    }

    @Override
    public boolean claims(DomainRequest request) {
        return request.benchmark().isEmpty()
                && request.dataset().startsWith(CommandSettings.PREFIX);
    }

    @Override
    public DatasetSpec.Domain parse(DomainRequest request) {
        rejectUnused(request);
        String dataset = request.dataset();
        try {
            CommandSettings settings = new CommandSettings(
                    CommandSettings.parseCommand(dataset.substring(CommandSettings.PREFIX
                            .length())),
                    workingDirectory(request.data()), metrics(request), timeout(request),
                    epochs(request), request.option(SPACE_FILE).map(Path::of)
                            .map(SpaceDefinitions::readFile));
            return spec(settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --dataset " + dataset + ": " + e.getMessage(), e);
        }
    }

    private static void rejectUnused(DomainRequest request) {
        request.device().ifPresent(device -> {
            throw new UsageException("--device " + device + " does not apply to --dataset "
                    + request.dataset() + ", whose program reports its own metrics; drop it");
        });
        request.requireDomainOptionsAmong(DOMAIN_OPTIONS);
        for (String option : request.training().keySet()) {
            if (!option.equals(EPOCHS)) {
                throw new UsageException(option + " " + request.training().get(option)
                        + " does not apply to --dataset " + request.dataset()
                        + ", whose program sets its own training; drop " + option);
            }
        }
    }

    private static Path workingDirectory(Optional<Path> data) {
        Path directory = data.orElse(Path.of("")).toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new UsageException("working directory " + directory + " (--data) not found;"
                    + " give the directory the program runs in");
        }
        return directory;
    }

    private static List<String> metrics(DomainRequest request) {
        return request.option(METRIC).map(text -> List.of(text.split(",")))
                .orElse(List.of(CommandSettings.DEFAULT_METRIC));
    }

    private static Duration timeout(DomainRequest request) {
        return request.option(TIMEOUT).map(text -> {
            try {
                return CommandSettings.parseDuration(text);
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid " + TIMEOUT + " '" + text
                        + "': use a whole number with ms, s, m or h, such as 90s or 10m");
            }
        }).orElse(CommandSettings.DEFAULT_TIMEOUT);
    }

    private static OptionalInt epochs(DomainRequest request) {
        return request.trainingOption(EPOCHS)
                .map(value -> OptionalInt.of(((Number) value).intValue()))
                .orElse(OptionalInt.empty());
    }

    private static DatasetSpec.Domain spec(CommandSettings settings) {
        String space = settings.space().map(SpaceDefinition::name).orElse(DEFAULT_SPACE);
        return new DatasetSpec.Domain(EVALUATOR, settings.toOptions(), EVALUATOR,
                settings.displayName(), space, false);
    }

    @Override
    public DatasetSpec.Domain restore(Map<String, String> options) {
        return spec(CommandSettings.fromOptions(options));
    }

    @Override
    public EvaluatorFactory.Setup create(DatasetSpec.Domain spec, SearchSpace space) {
        CommandSettings settings;
        try {
            settings = CommandSettings.fromOptions(spec.evaluatorOptions());
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid command evaluator settings: " + e.getMessage(), e);
        }
        if (!Files.isDirectory(settings.workingDirectory())) {
            throw new UsageException("working directory " + settings.workingDirectory()
                    + " of the command evaluator not found on this machine; create it with the"
                    + " program in it, or start a new study with --data DIR");
        }
        Optional<String> declared = settings.space().map(SpaceDefinition::name);
        String searched = space.unrestricted().name();
        if (declared.isPresent() && !declared.get().equals(searched)) {
            throw new UsageException("--space " + searched + " does not match the declared"
                    + " space '" + declared.get() + "'; drop --space to search the declared"
                    + " space");
        }
        return new EvaluatorFactory.Setup(new CommandEvaluator(settings, space),
                Optional.of(settings.displayName() + " in " + settings.workingDirectory()));
    }

    /**
     * Lists the files among the command's words that exist, resolved against the working
     * directory: the script of {@code command: [python3, train.py]}, or the program of
     * {@code command:./train.sh}. A program found only on the PATH, such as
     * {@code python3}, is left out.
     */
    @Override
    public List<DataInput> dataInputs(DatasetSpec.Domain spec) {
        CommandSettings settings;
        try {
            settings = CommandSettings.fromOptions(spec.evaluatorOptions());
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid command evaluator settings: " + e.getMessage(), e);
        }
        Set<Path> files = new LinkedHashSet<>();
        for (String word : settings.command()) {
            try {
                Path file = settings.workingDirectory().resolve(word).normalize();
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            } catch (InvalidPathException e) {
                // Skips a word that is no valid path here, such as one with a NUL character.
            }
        }
        return files.stream().map(DataInput::file).toList();
    }

    /**
     * Returns one objective on the first declared metric: minimised when its name is one
     * where lower is better, such as {@code loss}, {@code mae} or {@code latency_ms},
     * otherwise maximised.
     */
    @Override
    public List<Objective> defaultObjectives(DatasetSpec.Domain spec) {
        String metric = CommandSettings.fromOptions(spec.evaluatorOptions()).metrics().get(0);
        return List.of(LOWER_IS_BETTER.contains(metric) ? Objective.minimize(metric)
                : Objective.maximize(metric));
    }
}
