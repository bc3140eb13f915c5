package io.archforge.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.torch.bench.CpuInfo;
import io.archforge.torch.bench.ThroughputBenchmark;
import io.archforge.torch.bench.ThroughputResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench training}: training throughput of the reference networks with
 * DJL, side by side with the same networks in PyTorch eager mode.
 *
 * <p>The DJL run happens in this process ({@link ThroughputBenchmark}); the PyTorch run
 * is {@code benchmarks/pytorch/throughput.py} started as a subprocess with the given
 * Python interpreter. When the script or PyTorch is missing, the command prints why and
 * then the DJL figures alone. Both sides also report the CPU time of their training
 * thread, which depends less on other load than wall-clock time when there is one
 * intra-op thread. Achieved GFLOP/s count 6 FLOPs per forward
 * multiply-accumulate (an estimate of forward plus backward), and the share of peak
 * uses {@code --peak-gflops} or an estimate from {@code /proc/cpuinfo} times the thread
 * count.
 */
@Command(name = "training", mixinStandardHelpOptions = true,
        description = {
            "Time training steps of the reference networks with DJL and, when Python with "
                + "PyTorch is present, with PyTorch eager; print images/s, achieved GFLOP/s "
                + "and the DJL/PyTorch ratio."})
public final class TrainingBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingBenchCommand.class);
    private static final long PYTHON_TIMEOUT_MINUTES = 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--networks", split = ",", paramLabel = "NAME",
            defaultValue = "reference,cnn",
            description = "Comma-separated networks: reference (the macro network the "
                + "training evaluator uses as a reference), cnn (a 94k-parameter plain CNN) "
                + "(default: ${DEFAULT-VALUE}).")
    List<String> networks;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "100",
            description = "Timed training steps per network (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
            description = "Untimed steps before timing (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "128",
            description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Intra-op threads in both frameworks (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--python", paramLabel = "FILE", defaultValue = "/usr/bin/python3",
            description = "Python interpreter with PyTorch (default: ${DEFAULT-VALUE}).")
    Path python;

    @Option(names = "--script", paramLabel = "FILE",
            defaultValue = "benchmarks/pytorch/throughput.py",
            description = "The PyTorch benchmark script (default: ${DEFAULT-VALUE}).")
    Path script;

    @Option(names = "--no-pytorch", description = "Skip the PyTorch comparison.")
    boolean noPytorch;

    @Option(names = "--peak-gflops", paramLabel = "X",
            description = "Peak float32 GFLOP/s of one core (default: an estimate from "
                + "/proc/cpuinfo, clock x FLOPs per cycle).")
    Double peakGflops;

    @Override
    public Integer call() throws IOException, InterruptedException {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        CpuInfo cpu = CpuInfo.read();
        OptionalDouble peak = peakGflops != null ? OptionalDouble.of(peakGflops)
                : cpu.peakGflopsPerCore();
        out.printf(Locale.ROOT, "CPU: %s, %d available processors; peak %s GFLOP/s per core"
                + " (%s)%n", cpu.model(), Runtime.getRuntime().availableProcessors(),
                peak.isPresent() ? String.format(Locale.ROOT, "%.0f", peak.getAsDouble()) : "?",
                peakGflops != null ? "given" : "estimated, " + cpu.flopsPerCycle()
                        + " FLOPs/cycle at " + cpu.megahertz() + " MHz");
        out.printf(Locale.ROOT, "Batch %d, %d warm-up and %d timed steps, %d thread(s)%n",
                batch, warmup, steps, threads);
        out.printf("glibc malloc settings from the environment: %s%n%n", mallocSettings());

        // DJL in this process
        ThroughputBenchmark benchmark = new ThroughputBenchmark(batch, warmup, steps, threads);
        List<ThroughputResult> djl = new ArrayList<>();
        for (String network : networks) {
            djl.add(benchmark.run(network));
        }

        // PyTorch in a subprocess
        List<ThroughputResult> pytorch = noPytorch ? List.of() : runPytorch(out);

        printTable(out, djl, pytorch, peak);
        printRatios(out, djl, pytorch);
        out.flush();
        return 0;
    }

    /**
     * Returns the glibc malloc variables of this process's environment, which the PyTorch
     * subprocess inherits. They change how often freed activation buffers go back to the
     * operating system, and with that the page faults per step on both sides.
     */
    private static String mallocSettings() {
        List<String> settings = new ArrayList<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("MALLOC_") || name.equals("GLIBC_TUNABLES")) {
                settings.add(name + "=" + value);
            }
        });
        settings.sort(null);
        return settings.isEmpty() ? "none (glibc defaults)" : String.join(" ", settings);
    }

    private void checkOptions() {
        for (String network : networks) {
            if (!ThroughputBenchmark.NETWORKS.contains(network)) {
                throw new ParameterException(spec.commandLine(), "unknown network '" + network
                        + "'; use " + String.join(" or ", ThroughputBenchmark.NETWORKS));
            }
        }
        if (steps < 1 || warmup < 0 || batch < 1 || threads < 1) {
            throw new ParameterException(spec.commandLine(), "--steps, --batch and --threads "
                    + "must be at least 1 and --warmup at least 0");
        }
    }

    private List<ThroughputResult> runPytorch(PrintWriter out)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(python) || !Files.isRegularFile(script)) {
            out.printf("PyTorch comparison skipped: %s%n%n", !Files.isExecutable(python)
                    ? python + " not found or not executable; pass --python"
                    : script.toAbsolutePath() + " not found; run from the project directory"
                            + " or pass --script");
            return List.of();
        }
        List<String> command = List.of(python.toString(), script.toString(),
                "--network", networks.size() == 1 ? networks.get(0) : "all",
                "--steps", Integer.toString(steps), "--warmup", Integer.toString(warmup),
                "--batch", Integer.toString(batch), "--threads", Integer.toString(threads));
        LOG.info("Running {}", String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        if (!process.waitFor(PYTHON_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            out.printf("PyTorch comparison skipped: the script ran longer than %d minutes%n%n",
                    PYTHON_TIMEOUT_MINUTES);
            return List.of();
        }
        if (process.exitValue() != 0) {
            out.printf("PyTorch comparison skipped: %s exited with status %d:%n%s%n",
                    script, process.exitValue(), output.strip());
            return List.of();
        }
        return parsePytorch(output);
    }

    private List<ThroughputResult> parsePytorch(String output) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<ThroughputResult> results = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode json = mapper.readTree(line);
            String network = json.get("network").asText();
            if (networks.contains(network)) {
                results.add(new ThroughputResult(network, json.get("framework").asText(),
                        json.get("params").asDouble(), json.get("flops").asDouble(),
                        json.get("batch_size").asInt(), json.get("steps").asInt(),
                        json.get("threads").asInt(), json.get("seconds").asDouble(),
                        json.get("cpu_seconds").asDouble()));
            }
        }
        return results;
    }

    private void printTable(PrintWriter out, List<ThroughputResult> djl,
            List<ThroughputResult> pytorch, OptionalDouble peak) {
        out.println("| network | framework | threads | params (M) | forward MMACs | steps/s"
                + " | images/s | CPU ms/step | GFLOP/s | share of peak |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<ThroughputResult> all = new ArrayList<>(djl);
        all.addAll(pytorch);
        for (ThroughputResult result : all) {
            String share = peak.isPresent()
                    ? String.format(Locale.ROOT, "%.1f%%", 100 * result.gflopsPerSecond()
                            / (peak.getAsDouble() * result.threads()))
                    : "?";
            out.printf(Locale.ROOT, "| %s | %s | %d | %.6f | %.3f | %.2f | %.0f | %.1f | %.2f"
                    + " | %s |%n", result.network(), result.framework(), result.threads(),
                    result.params(), result.flops(), result.stepsPerSecond(),
                    result.imagesPerSecond(), result.cpuMillisPerStep(),
                    result.gflopsPerSecond(), share);
        }
        out.println();
    }

    private void printRatios(PrintWriter out, List<ThroughputResult> djl,
            List<ThroughputResult> pytorch) {
        for (ThroughputResult mine : djl) {
            for (ThroughputResult theirs : pytorch) {
                if (!theirs.network().equals(mine.network())) {
                    continue;
                }
                if (Math.abs(theirs.params() - mine.params()) > 1e-9) {
                    out.printf(Locale.ROOT, "WARNING: %s has %.6f M parameters in DJL but %.6f M"
                            + " in PyTorch; the networks differ%n", mine.network(),
                            mine.params(), theirs.params());
                }
                if (theirs.threads() != mine.threads()) {
                    out.printf("WARNING: %s ran on %d intra-op thread(s) in DJL but %d in"
                            + " PyTorch%n", mine.network(), mine.threads(), theirs.threads());
                }
                out.printf(Locale.ROOT, "%s: DJL/PyTorch images/s ratio %.2f, by CPU time"
                        + " %.2f%n", mine.network(),
                        mine.imagesPerSecond() / theirs.imagesPerSecond(),
                        mine.imagesPerCpuSecond() / theirs.imagesPerCpuSecond());
            }
        }
    }
}
