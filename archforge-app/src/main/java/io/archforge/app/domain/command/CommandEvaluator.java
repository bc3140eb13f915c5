package io.archforge.app.domain.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.eval.Evaluator;
import io.archforge.fidelity.Fidelity;
import io.archforge.fidelity.FidelityKind;
import io.archforge.fidelity.FidelityRange;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates each architecture by running the user's program: the architecture goes in
 * as one JSON object on standard input and in the environment variable
 * {@value #ENVIRONMENT_VARIABLE}, and the metrics come back as one JSON object of numbers
 * on the last non-blank line of standard output, such as {@code {"accuracy": 91.2}}.
 *
 * <p>A non-zero exit status, a timeout, a last line that is not a JSON object of
 * numbers, or a missing declared metric fails the trial with a {@link
 * CommandTrialException} that gives the reason and the tail of standard error.
 * Metrics the program reports beyond the declared ones are kept.
 */
public final class CommandEvaluator implements Evaluator {

    /** The environment variable that contains the trial's JSON input. */
    public static final String ENVIRONMENT_VARIABLE = "ARCHFORGE_ARCHITECTURE";

    private static final Logger LOG = LoggerFactory.getLogger(CommandEvaluator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The maximum number of standard-error characters a failure message keeps. */
    private static final int MAX_STDERR_CHARS = 2000;

    private final CommandSettings settings;
    private final SearchSpace space;

    /** Creates the evaluator of architectures of {@code space}. */
    public CommandEvaluator(CommandSettings settings, SearchSpace space) {
        this.settings = settings;
        this.space = space;
    }

    @Override
    public Set<String> metrics() {
        return new LinkedHashSet<>(settings.metrics());
    }

    /** Returns true: the program may train, and training gives different results each run. */
    @Override
    public boolean isNoisy() {
        return true;
    }

    /** Returns epochs from 1 to the set epochs, when the study sets them. */
    @Override
    public Optional<FidelityRange> fidelityRange() {
        if (settings.epochs().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(FidelityRange.continuous(FidelityKind.EPOCHS, 1,
                settings.epochs().getAsInt()));
    }

    @Override
    public Map<String, String> describe() {
        return Map.of("command", String.join(" ", settings.command()),
                "workdir", settings.workingDirectory().toString());
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        String input = TrialInput.json(architecture, space, settings.space(),
                context.trialNumber(), context.seed(), epochs(context));
        CommandRun.Result result = CommandRun.run(settings.command(),
                settings.workingDirectory(), Map.of(ENVIRONMENT_VARIABLE, input), input,
                settings.timeout(), context::shouldStop);
        if (result.stopped()) {
            throw new EvaluationInterruptedException("the study stopped while "
                    + settings.command() + " ran; its process was killed");
        }
        Map<String, Double> metrics = metrics(result);
        LOG.debug("Trial {}: {} reported {}", context.trialNumber(), architecture, metrics);
        return new Evaluation(metrics, Map.of());
    }

    /** Returns the epochs to pass: the scheduler's fidelity, else the set epochs, if any. */
    private OptionalInt epochs(EvaluationContext context) {
        Optional<Fidelity> fidelity = context.fidelity()
                .filter(f -> f.kind() == FidelityKind.EPOCHS);
        if (fidelity.isPresent()) {
            return OptionalInt.of(fidelity.get().asInt());
        }
        return settings.epochs();
    }

    private Map<String, Double> metrics(CommandRun.Result result) {
        if (result.timedOut()) {
            throw failure("timed out after " + settings.timeout().toSeconds()
                    + " s and was killed with the processes it started", result);
        }
        if (result.exitStatus() != 0) {
            throw failure("exited with status " + result.exitStatus(), result);
        }
        String last = lastLine(result.stdout());
        Map<String, Double> metrics = parseMetrics(last, result);
        for (String metric : settings.metrics()) {
            if (!metrics.containsKey(metric)) {
                throw failure("reported " + metrics.keySet() + " without the declared metric '"
                        + metric + "'", result);
            }
        }
        return metrics;
    }

    private Map<String, Double> parseMetrics(String line, CommandRun.Result result) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw failure("printed '" + abbreviate(line) + "' as its last line, which is not a"
                    + " JSON object of metrics such as {\"accuracy\": 91.2}", result);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isNumber()) {
                throw failure("reported " + field.getKey() + " = " + field.getValue()
                        + ", which is not a number", result);
            }
            double value = field.getValue().doubleValue();
            if (!Double.isFinite(value)) {
                throw failure("reported " + field.getKey() + " = " + field.getValue()
                        + ", which is beyond the range of a finite number", result);
            }
            metrics.put(field.getKey(), value);
        }
        return metrics;
    }

    private static String lastLine(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "";
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /**
     * Returns the failure with the last lines of standard error joined by {@code " | "}, so
     * that the stored error stays one line in tables and logs.
     */
    private CommandTrialException failure(String reason, CommandRun.Result result) {
        List<String> lines = result.stderr().stream().filter(line -> !line.isBlank())
                .map(String::strip).toList();
        String stderr = lines.isEmpty() ? "(empty)" : String.join(" | ", lines);
        if (stderr.length() > MAX_STDERR_CHARS) {
            stderr = "..." + stderr.substring(stderr.length() - MAX_STDERR_CHARS);
        }
        return new CommandTrialException(String.join(" ", settings.command()) + " " + reason
                + "; standard error ends with: " + stderr);
    }
}
