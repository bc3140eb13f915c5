package io.archforge.store.jdbc;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of the test class path in a new JVM. */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts {@code main} with {@code args}, writing its stdout to {@code output} and
     * its stderr to {@code errors}. Files rather than pipes keep every line the child
     * wrote, also when it is killed: {@link Process#destroyForcibly} closes the pipes
     * and drops what the parent has not read yet.
     */
    static Process start(Class<?> main, Path output, Path errors, String... args)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire puts the full test class path here; java.class.path may be a manifest jar.
        String classPath = System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }
}
