package io.archforge.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs commands in a network namespace of their own ({@code unshare -n}) whose only
 * interface is the loopback one, brought up inside: every connection to another
 * machine fails there, while servers on 127.0.0.1 work.
 */
public final class NetworkNamespace {

    private static final Pattern SUMMARY = Pattern.compile(
            "tests=(\\d+) succeeded=(\\d+) failed=(\\d+) aborted=(\\d+) skipped=(\\d+)");

    private NetworkNamespace() {
    }

    /**
     * The outcome of a command.
     *
     * @param exitCode the exit status, or -1 when it could not start or timed out
     * @param output standard output and standard error, interleaved
     */
    public record Result(int exitCode, String output) {

        /** Returns the interfaces that {@code /proc/net/dev} in this output lists. */
        public List<String> interfaces() {
            return output.lines().skip(2).filter(line -> line.contains(":"))
                    .map(line -> line.substring(0, line.indexOf(':')).strip()).toList();
        }

        /** Returns the failed tests of the {@link IsolatedTests} summary line, or empty without one. */
        public OptionalInt failedTests() {
            Matcher summary = SUMMARY.matcher(output);
            return summary.find() ? OptionalInt.of(Integer.parseInt(summary.group(3)))
                    : OptionalInt.empty();
        }

        /** Returns the succeeded tests of the {@link IsolatedTests} summary line, or empty without one. */
        public OptionalInt succeededTests() {
            Matcher summary = SUMMARY.matcher(output);
            return summary.find() ? OptionalInt.of(Integer.parseInt(summary.group(2)))
                    : OptionalInt.empty();
        }
    }

    /**
     * Returns the command that runs {@code mainClass} on this JVM's class path with DJL
     * offline, one PyTorch thread and {@code -Xmx1g}.
     */
    public static List<String> java(String mainClass) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
                "-Dai.djl.default_engine=PyTorch", "-Dai.djl.pytorch.num_threads=1",
                "-Dai.djl.pytorch.num_interop_threads=1", "-Djava.awt.headless=true",
                "-Xmx1g"));
        String projectDir = System.getProperty("archforge.project.dir");
        if (projectDir != null) {
            command.add("-Darchforge.project.dir=" + projectDir);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return command;
    }

    /**
     * Runs {@code command} in {@code dir} in a new network namespace whose loopback
     * interface is up, and waits for it at most {@code timeoutSeconds}.
     */
    public static Result run(List<String> command, Path dir, long timeoutSeconds)
            throws InterruptedException {
        List<String> full = new ArrayList<>(List.of("unshare", "-n", "sh", "-c",
                "ip link set lo up && exec \"$@\"", "sh"));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .directory(dir.toFile());
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().put("OPT_OUT_TRACKING", "true");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(-1, "cannot start unshare: " + e.getMessage());
        }
        // Read while it runs, so a full pipe cannot stall the child.
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (Stream<String> lines = process.inputReader(StandardCharsets.UTF_8).lines()) {
                lines.forEach(line -> output.append(line).append('\n'));
            }
        });
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            reader.join();
            return new Result(-1, output + "\n(timed out after " + timeoutSeconds + " s)");
        }
        reader.join();
        return new Result(process.exitValue(), output.toString());
    }
}
