package io.archforge.app.cli;

import io.archforge.app.Main;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts {@code archforge} in a separate JVM on the test class path, with DJL kept offline. */
public final class Subprocess {

    private Subprocess() {
    }

    /** Starts {@code archforge ARGS...}, with stdout and stderr going to files in {@code dir}. */
    public static Process start(Path dir, String name, List<String> args) throws IOException {
        return start(dir, name, args, Map.of());
    }

    /**
     * Starts {@code archforge ARGS...} with {@code extraEnv} applied to the environment: a
     * variable mapped to null is removed, any other is set.
     */
    static Process start(Path dir, String name, List<String> args, Map<String, String> extraEnv)
            throws IOException {
        List<String> command = new ArrayList<>();
        // A background job may have inherited SIGINT as ignored; reset it so the JVM handles it.
        if (Files.isExecutable(Path.of("/usr/bin/env"))) {
            command.addAll(List.of("/usr/bin/env", "--default-signal=INT"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
                "-Dai.djl.default_engine=PyTorch", "-Dai.djl.pytorch.num_interop_threads=1",
                "-Djava.awt.headless=true", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        Map<String, String> env = builder.environment();
        env.put("DJL_OFFLINE", "true");
        env.put("OPT_OUT_TRACKING", "true");
        extraEnv.forEach((variable, value) -> {
            if (value == null) {
                env.remove(variable);
            } else {
                env.put(variable, value);
            }
        });
        return builder.start();
    }

    /**
     * Reads the trials of {@code study}, or an empty list while the store or study does not exist
     * yet.
     */
    static List<FrozenTrial> trials(Path store, String study) {
        if (!Files.exists(store)) {
            return List.of();
        }
        try (Storage storage = Storages.open(store.toString())) {
            return storage.loadStudy(study).isPresent() ? storage.trials(study) : List.of();
        }
    }

    /** Waits until the study has at least {@code count} complete trials. */
    static void awaitCompleted(Path store, String study, int count, Process process, Duration limit)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            long completed = trials(store, study).stream()
                    .filter(t -> t.state() == TrialState.COMPLETE).count();
            if (completed >= count) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("archforge exited with " + process.exitValue() + " after "
                        + completed + " complete trials");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + count + " complete trials within " + limit);
    }

    /** Reads the text a finished process wrote to stdout or stderr. */
    static String output(Path dir, String name, String stream) throws IOException {
        return Files.readString(dir.resolve(name + "." + stream));
    }
}
