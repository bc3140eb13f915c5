package io.archforge.torch.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs an export's model.py with Debian's Python and PyTorch ({@code /usr/bin/python3}
 * with python3-torch), through the test script {@code run_export.py}.
 */
final class PythonExport {

    /** The interpreter whose torch the export must run with. */
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;
    private static Boolean torchImports;

    private PythonExport() {
    }

    /**
     * What model.py computed.
     *
     * @param output the logits, tensor {@code output}
     * @param stateDictNames the network's {@code state_dict} names, in module order
     * @param training whether load() left the network in training mode
     * @param reader {@code safetensors} or {@code plain}: the reader load() used
     */
    record Result(Tensor output, List<String> stateDictNames, boolean training, String reader) {
        Result {
            stateDictNames = List.copyOf(stateDictNames);
        }
    }

    /** Skips the calling test unless /usr/bin/python3 can import torch. */
    static synchronized void assumeTorch() throws IOException, InterruptedException {
        if (torchImports == null) {
            torchImports = Files.isExecutable(PYTHON)
                    && run(List.of(PYTHON.toString(), "-c", "import torch"), null).exitCode == 0;
        }
        Assumptions.assumeTrue(torchImports, PYTHON + " cannot import torch");
    }

    /**
     * Runs the export in {@code export} on {@code input} and returns its output.
     *
     * @param work a directory for the script and the tensor files
     */
    static Result run(Path export, Tensor input, Path work)
            throws IOException, InterruptedException {
        assumeTorch();
        Path script = work.resolve("run_export.py");
        try (InputStream in = PythonExport.class.getResourceAsStream("run_export.py")) {
            Files.copy(in, script);
        }
        Path inputFile = work.resolve("input.safetensors");
        Path outputFile = work.resolve("output.safetensors");
        Tensor named = new Tensor("input", input.type(), input.shape(), input.data());
        Safetensors.write(new TensorFile(List.of(named), Map.of()), inputFile);

        Outcome outcome = run(List.of(PYTHON.toString(), script.toString(), export.toString(),
                inputFile.toString(), outputFile.toString()), work.resolve("python.log"));
        assertThat(outcome.exitCode).as("python failed: %s", outcome.log).isZero();
        JsonNode report = MAPPER.readTree(outcome.stdout);
        List<String> names = new ArrayList<>();
        report.get("state_dict").forEach(name -> names.add(name.asText()));
        Tensor output = Safetensors.read(outputFile).tensor("output").orElseThrow();
        return new Result(output, names, report.get("training").asBoolean(),
                report.get("reader").asText());
    }

    private record Outcome(int exitCode, String stdout, String log) {
    }

    private static Outcome run(List<String> command, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_NUM_THREADS", "1");
        Path errors = log != null ? log : Files.createTempFile("python", ".log");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " timed out after " + TIMEOUT_SECONDS
                    + " s");
        }
        String stderr = Files.readString(errors);
        if (log == null) {
            Files.delete(errors);
        }
        return new Outcome(process.exitValue(), stdout, stderr);
    }

    /** Returns the largest absolute difference between two arrays of the same length. */
    static double maxAbsDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }
}
