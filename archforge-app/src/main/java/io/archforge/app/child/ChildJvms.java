package io.archforge.app.child;

import io.archforge.app.Main;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts {@code archforge} subcommands in child JVMs with the java executable and class
 * path of this JVM, DJL kept offline, and stdout and stderr in files named after the
 * process. The options suit dozens of JVMs on a few cores: a small heap, the serial
 * collector and the first JIT tier only, which start faster and use less CPU than the
 * defaults.
 */
public final class ChildJvms {

    /** The JVM options of every child but its heap size. */
    private static final List<String> JVM_OPTIONS = List.of("-Dai.djl.offline=true",
            "-DOPT_OUT_TRACKING=true", "-Dai.djl.default_engine=PyTorch",
            "-Dai.djl.pytorch.num_interop_threads=1", "-Djava.awt.headless=true",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private ChildJvms() {
    }

    /**
     * Starts {@code archforge ARGS...} with a heap of {@code heapMb} MiB, writing its
     * stdout to {@code NAME.out} and its stderr to {@code NAME.err} in {@code logs}.
     *
     * @throws IOException when the JVM cannot be started
     */
    public static Process start(Path logs, String name, List<String> args, int heapMb)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Xmx" + heapMb + "m");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout(logs, name).toFile())
                .redirectError(stderr(logs, name).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.put("DJL_OFFLINE", "true");
        environment.put("OPT_OUT_TRACKING", "true");
        return builder.start();
    }

    /** Returns the file that receives the stdout of child {@code name}. */
    public static Path stdout(Path logs, String name) {
        return logs.resolve(name + ".out");
    }

    /** Returns the file that receives the stderr of child {@code name}. */
    public static Path stderr(Path logs, String name) {
        return logs.resolve(name + ".err");
    }
}
