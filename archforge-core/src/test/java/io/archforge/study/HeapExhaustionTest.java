package io.archforge.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real {@link OutOfMemoryError}: a JVM with a 96 MB heap runs {@link HeapExhaustionMain},
 * whose trials 1, 4 and 7 fill the heap. Those trials must end FAILED with the heap
 * reason, the others COMPLETE, and the study must finish its budget.
 */
class HeapExhaustionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sequential", "parallel"})
    void heapExhaustionFailsOnlyGreedyTrials(String mode) throws Exception {
        Process child = start(mode);

        assertThat(child.waitFor(50, TimeUnit.SECONDS)).as("child finished").isTrue();
        String errors = Files.readString(dir.resolve("err"));
        assertThat(child.exitValue()).as(errors).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("out"));
        assertThat(lines).hasSize(9);
        for (int number = 0; number < 9; number++) {
            String line = lines.get(number);
            if (number % 3 == 1) {
                assertThat(line).startsWith("trial " + number + " FAILED out of Java heap "
                        + "memory (-Xmx ").contains("JAVA_OPTS=-Xmx");
            } else {
                assertThat(line).isEqualTo("trial " + number + " COMPLETE ");
            }
        }
    }

    private Process start(String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                HeapExhaustionMain.class.getName(), mode)
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }
}
