package io.archforge.app.domain.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.declared.CellDefinition;
import io.archforge.space.declared.ChoiceDefinition;
import io.archforge.space.declared.SpaceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandEvaluatorTest {

    private static final SpaceDefinition DEFINITION = new SpaceDefinition("toy",
            List.of(new ChoiceDefinition.IntRange("width", 1, 8, 1),
                    new ChoiceDefinition.Categorical("act", List.of("relu", "tanh")),
                    new ChoiceDefinition.RealRange("rate", 0.001, 1.0, true)),
            List.of(new CellDefinition("cell", 3, List.of("conv", "skip"))));
    private static final ChoiceSpace SPACE = DEFINITION.toSpace();
    private static final Architecture ARCHITECTURE = SPACE.parse(
            "width=3,act=tanh,rate=0.5,cell.0-1=conv,cell.0-2=skip,cell.1-2=conv");

    @TempDir
    Path dir;

    private CommandEvaluator evaluator(String script, Duration timeout, String... metrics)
            throws IOException {
        Files.writeString(dir.resolve("trial.sh"), script);
        CommandSettings settings = new CommandSettings(List.of("sh", "trial.sh"), dir,
                List.of(metrics), timeout, OptionalInt.of(4), Optional.of(DEFINITION));
        return new CommandEvaluator(settings, SPACE);
    }

    private Evaluation evaluate(CommandEvaluator evaluator) {
        return evaluator.evaluate(ARCHITECTURE, EvaluationContext.detached(99));
    }

    @Test
    void programReceivesArchitectureJson() throws IOException {
        CommandEvaluator evaluator = evaluator("""
                cat > input.json
                printf '%s' "$ARCHFORGE_ARCHITECTURE" > env.json
                echo "log line"
                echo '{"accuracy": 42.5, "extra": 3}'
                """, Duration.ofSeconds(20), "accuracy");

        Evaluation evaluation = evaluate(evaluator);

        assertThat(evaluation.metrics()).containsEntry("accuracy", 42.5)
                .containsEntry("extra", 3.0);
        JsonNode input = new ObjectMapper().readTree(dir.resolve("input.json").toFile());
        assertThat(input.get("space").asText()).isEqualTo("toy");
        assertThat(input.get("architecture").asText()).isEqualTo(ARCHITECTURE.text());
        assertThat(input.get("choices").get("width").asInt()).isEqualTo(3);
        assertThat(input.get("choices").get("act").asText()).isEqualTo("tanh");
        assertThat(input.get("choices").get("rate").asDouble()).isEqualTo(0.5);
        assertThat(input.get("cells").get("cell").get(1).get("from").asInt()).isZero();
        assertThat(input.get("cells").get("cell").get(1).get("to").asInt()).isEqualTo(2);
        assertThat(input.get("cells").get("cell").get(1).get("operation").asText())
                .isEqualTo("skip");
        assertThat(input.get("seed").asLong()).isEqualTo(99);
        assertThat(input.get("epochs").asInt()).isEqualTo(4);
        assertThat(new ObjectMapper().readTree(dir.resolve("env.json").toFile()))
                .isEqualTo(input);
    }

    @Test
    void nonZeroExitFailsWithStderr() throws IOException {
        CommandEvaluator evaluator = evaluator("""
                echo "loading data" >&2
                echo "CUDA out of memory" >&2
                exit 3
                """, Duration.ofSeconds(20), "accuracy");

        assertThatThrownBy(() -> evaluate(evaluator))
                .isInstanceOf(CommandTrialException.class)
                .hasMessageContaining("exited with status 3")
                .hasMessageContaining(
                        "standard error ends with: loading data | CUDA out of memory");
    }

    @Test
    void timeoutKillsProcessTree() throws IOException {
        CommandEvaluator evaluator = evaluator("""
                sleep 60 &
                echo $! > child.pid
                echo "started" >&2
                wait
                """, Duration.ofMillis(1500), "accuracy");
        long start = System.nanoTime();

        assertThatThrownBy(() -> evaluate(evaluator))
                .isInstanceOf(CommandTrialException.class)
                .hasMessageContaining("timed out after 1 s")
                .hasMessageContaining("started");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).isNotEqualTo(
                Optional.of(true));
    }

    @Test
    void lastLineMustBeJsonObject() throws IOException {
        CommandEvaluator evaluator = evaluator("echo 'accuracy: 91'\n",
                Duration.ofSeconds(20), "accuracy");

        assertThatThrownBy(() -> evaluate(evaluator))
                .isInstanceOf(CommandTrialException.class)
                .hasMessageContaining("printed 'accuracy: 91' as its last line");
    }

    @Test
    void metricValuesMustBeNumbers() throws IOException {
        CommandEvaluator evaluator = evaluator("echo '{\"accuracy\": \"high\"}'\n",
                Duration.ofSeconds(20), "accuracy");

        assertThatThrownBy(() -> evaluate(evaluator))
                .isInstanceOf(CommandTrialException.class)
                .hasMessageContaining("accuracy = \"high\", which is not a number");
    }

    @Test
    void missingDeclaredMetricFails() throws IOException {
        CommandEvaluator evaluator = evaluator("echo '{\"accuracy\": 50}'\n",
                Duration.ofSeconds(20), "accuracy", "latency_ms");

        assertThatThrownBy(() -> evaluate(evaluator))
                .isInstanceOf(CommandTrialException.class)
                .hasMessageContaining("without the declared metric 'latency_ms'");
    }

    @Test
    void missingProgramFailsTrial() throws IOException {
        CommandSettings settings = new CommandSettings(List.of("./no-such-program"), dir,
                List.of("accuracy"), Duration.ofSeconds(5), OptionalInt.empty(),
                Optional.of(DEFINITION));
        CommandEvaluator evaluator = new CommandEvaluator(settings, SPACE);

        assertThatThrownBy(() -> evaluate(evaluator))
                .isInstanceOf(CommandTrialException.class)
                .hasMessageContaining("cannot start [./no-such-program]");
    }

    @Test
    void settingsRoundTripThroughOptions() {
        CommandSettings settings = new CommandSettings(List.of("python3", "my train.py"), dir,
                List.of("accuracy", "params"), Duration.ofSeconds(90), OptionalInt.of(3),
                Optional.of(DEFINITION));

        CommandSettings restored = CommandSettings.fromOptions(settings.toOptions());

        assertThat(restored).isEqualTo(settings);
        assertThat(settings.displayName()).isEqualTo("command:[\"python3\",\"my train.py\"]");
        assertThat(CommandSettings.parseCommand("python3  train.py --fast"))
                .containsExactly("python3", "train.py", "--fast");
    }
}
