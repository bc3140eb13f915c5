package io.archforge.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the engine in a child JVM inside a network namespace with no interfaces up
 * ({@code unshare -n}), so any network request would fail; the start must still work.
 */
class OfflineEngineStartTest {

    @Test
    void engineStartsWithoutNetwork() throws Exception {
        assumeThat(run(List.of("unshare", "-n", "true")).exitCode)
                .as("unshare -n works (needs root or user namespaces)").isZero();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Result result = run(List.of("unshare", "-n", java,
                "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
                "-Dai.djl.default_engine=PyTorch", "-Dai.djl.pytorch.num_threads=1",
                "-cp", System.getProperty("java.class.path"),
                EngineStartProbe.class.getName()));

        assertThat(result.exitCode).as(result.output).isZero();
        assertThat(result.output).contains("sum=3.0").contains("engine=2.7.1");
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().put("OPT_OUT_TRACKING", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, output + "\n(timed out)");
        }
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
