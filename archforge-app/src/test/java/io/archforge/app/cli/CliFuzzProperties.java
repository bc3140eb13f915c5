package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.app.config.YamlSeeds;
import io.archforge.fuzz.Deadline;
import io.archforge.fuzz.FuzzTries;
import io.archforge.fuzz.Mutations;
import io.archforge.fuzz.TempFolders;
import io.archforge.space.CellSpace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Runs the command line in this JVM on fuzzed input, as a user meets it: an architecture
 * for {@code evaluate} and a configuration file for {@code search --config}. Every run
 * exits with status 0 or 2, a status-2 run prints one error line that starts with
 * {@code archforge:}, and no run prints a Java stack trace.
 */
@AddLifecycleHook(FuzzTries.class)
class CliFuzzProperties {

    private static final Path FOLDER = TempFolders.create("archforge-cli-fuzz");
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final String ALPHABET = "|~+_0123456789abcdeknoprstvxz-";

    /** The time one command may take; it reads a table or writes an empty study. */
    private static final Duration COMMAND_TIME = Duration.ofSeconds(60);

    /** A command-line argument or file text; prints abbreviated in jqwik's report. */
    record Input(String text) {
        @Override
        public String toString() {
            return Mutations.abbreviate(text);
        }
    }

    @AfterContainer
    static void deleteFolder() {
        TempFolders.deleteQuietly(FOLDER);
    }

    @Property(tries = 60)
    void evaluateExitsCleanly(@ForAll("architectures") Input architecture) {
        Cli.Result result = run(architecture, "evaluate", architecture.text(), "--benchmark",
                "nb201", "--dataset", "cifar10");

        requireCleanExit(result, architecture);
    }

    @Property(tries = 30)
    void searchConfigExitsCleanly(@ForAll("configurations") Input configuration)
            throws IOException {
        Path folder = Files.createDirectories(FOLDER.resolve("run-" + RUNS.incrementAndGet()));
        Path file = folder.resolve("study.yaml");
        Files.write(file, configuration.text().getBytes(StandardCharsets.UTF_8));

        // Zero trials: the configuration is read and checked, and no program runs.
        Cli.Result result = run(configuration, "search", "--config", file.toString(),
                "--trials", "0", "--storage", folder.resolve("s.db").toString(), "--study",
                "fuzz");

        requireCleanExit(result, configuration);
    }

    /** Runs the command under {@link #COMMAND_TIME}, failing the property when it hangs. */
    private static Cli.Result run(Input input, String... args) {
        Deadline.Outcome<Cli.Result> outcome =
                Deadline.run(COMMAND_TIME, input.text(), () -> Cli.run(args));
        if (!outcome.returned()) {
            throw new AssertionError("the command threw for input " + input,
                    outcome.failure());
        }
        return outcome.value();
    }

    private static void requireCleanExit(Cli.Result result, Input input) {
        Statistics.label("exit").collect(result.exitCode());
        String output = result.out() + result.err();
        assertThat(result.exitCode()).as("exit status for %s: %s", input, result.err())
                .isIn(ExitCodes.OK, ExitCodes.USAGE);
        assertThat(output).as("output for %s", input).doesNotContain("\tat ")
                .doesNotContain("Exception in thread");
        if (result.exitCode() == ExitCodes.USAGE) {
            assertThat(result.errLines()).as("stderr for %s", input).singleElement()
                    .asString().startsWith("archforge: ");
        }
    }

    @Provide
    Arbitrary<Input> architectures() {
        CellSpace nb201 = CellSpace.nb201();
        Arbitrary<String> samples = Arbitraries.longs()
                .map(seed -> nb201.sample(new SplittableRandom(seed)).text());
        return Mutations.around(samples, ALPHABET).map(Input::new);
    }

    @Provide
    Arbitrary<Input> configurations() {
        Arbitrary<String> seeds = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(YamlSeeds.examples())),
                Tuple.of(1, YamlSeeds.randomDocuments()));
        return Mutations.around(seeds, YamlSeeds.ALPHABET).map(Input::new);
    }
}
