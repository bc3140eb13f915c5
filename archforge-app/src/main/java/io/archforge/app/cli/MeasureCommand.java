package io.archforge.app.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.app.output.TextTable;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.hardware.EnergyModel;
import io.archforge.space.Architecture;
import io.archforge.space.ArchitectureFormatException;
import io.archforge.space.CellSpace;
import io.archforge.space.MacroSpace;
import io.archforge.space.SearchSpace;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.hardware.HardwareProfile;
import io.archforge.torch.hardware.HardwareProfiler;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201NetworkBuilder;
import io.archforge.torch.nb201.NetworkCost;
import io.archforge.torch.net.MacroNetworkBuilder;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.LatencyMeter;
import io.archforge.torch.train.LatencyStats;
import io.archforge.torch.train.Trainer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge measure}: inference latency, memory and energy of architectures on
 * this machine, measured on untrained networks.
 */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = {
            "Measure architectures on this machine without training: batch-1 latency "
                + "(median, p10, p90, outliers), the median latency of one batch, "
                + "parameters, FLOPs, estimated and measured memory, and a model-based "
                + "energy estimate.",
            "Macro architectures are measured with --dataset fashion-mnist [--data DIR] or "
                + "--dataset idx:DIR, which set the input size and class count; nb201 cells "
                + "with --benchmark nb201 --dataset cifar10|cifar100|imagenet16-120. Pass "
                + "the strings that study best prints, with --architecture (repeatable) or "
                + "--architectures FILE (one per line; blank lines and lines starting with "
                + "# are skipped).",
            "Memory in MB of 10^6 bytes: the estimate is float32 parameters plus the peak "
                + "of live activations at batch 1; the measurement is the parameters plus "
                + "every array a DJL batch-1 forward pass holds. With --json each "
                + "architecture prints one JSON object per line (JSON Lines)."})
public final class MeasureCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(MeasureCommand.class);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--benchmark", paramLabel = "NAME",
            description = "Benchmark whose networks are built: nb201.")
    String benchmark;

    @Option(names = "--dataset", paramLabel = "NAME", required = true,
            description = "fashion-mnist or idx:DIR (macro networks); cifar10, cifar100 or "
                    + "imagenet16-120 (nb201 networks).")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the Fashion-MNIST IDX files.")
    Path data;

    @Option(names = "--architecture", paramLabel = "ARCH",
            description = "Architecture string to measure, repeatable.")
    List<String> architectureTexts;

    @Option(names = "--architectures", paramLabel = "FILE",
            description = "File with one architecture string per line.")
    Path architectureFile;

    @Option(names = "--batch-size", paramLabel = "N",
            defaultValue = "" + HardwareProfiler.DEFAULT_BATCH_SIZE,
            description = "Images per batch of the batch latency (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "50",
            description = "Timed forward passes per latency, at least " + LatencyMeter.MIN_RUNS
                    + " (default: ${DEFAULT-VALUE}).")
    int runs;

    // A fresh process needs a few hundred passes before PyTorch's CPU kernels settle: with
    // 10, the first network measured here ran 40% slower than after 500 (Fashion-MNIST).
    @Option(names = "--warmup", paramLabel = "W", defaultValue = "300",
            description = "Untimed forward passes before each latency; a fresh process "
                    + "needs a few hundred (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "PyTorch intra-op threads while timing (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the untrained weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        HardwareProfiler profiler = profiler();
        DatasetSpec datasetSpec = DatasetSpec.parse(benchmark, dataset, data, null);
        if (datasetSpec instanceof DatasetSpec.Domain) {
            throw new UsageException("measure profiles the networks of the nb201 and macro"
                    + " spaces, not those of --dataset " + dataset + "; evaluate an"
                    + " architecture of it with 'archforge evaluate', which reports"
                    + " latency_ms");
        }
        SearchSpace space = datasetSpec instanceof DatasetSpec.Tabular
                ? CellSpace.nb201() : MacroSpace.create();
        List<Architecture> architectures = architectures(space);
        Target target = target(datasetSpec);
        LOG.info("Measuring {} architectures on {}: {} timed runs, batch {}, {} threads",
                architectures.size(), target.description(), runs, batchSize, threads);

        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Architecture architecture : architectures) {
            Map<String, Object> row = row(architecture, measure(profiler, target, architecture));
            if (output.json()) {
                out.println(jsonLine(row));
                out.flush();
            } else {
                rows.add(row);
            }
        }
        if (!output.json()) {
            out.print(table(rows));
            out.println("memory_mb: estimate, float32 parameters plus peak live activations at"
                    + " batch 1; memory_measured_mb: parameters plus every array a DJL forward"
                    + " pass holds; MB = 10^6 bytes");
            out.println("energy_mj: " + profiler.energy().description());
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** Checks the measurement options and builds the profiler. */
    private HardwareProfiler profiler() {
        if (batchSize < 1) {
            throw new UsageException("invalid --batch-size " + batchSize
                    + ": it must be 1 or more, such as " + HardwareProfiler.DEFAULT_BATCH_SIZE);
        }
        if (runs < LatencyMeter.MIN_RUNS) {
            throw new UsageException("invalid --runs " + runs + ": use at least "
                    + LatencyMeter.MIN_RUNS + " timed runs, so the median and percentiles "
                    + "mean something");
        }
        if (warmup < 0) {
            throw new UsageException("invalid --warmup " + warmup + ": use 0 or more");
        }
        if (threads < 1) {
            throw new UsageException("invalid --threads " + threads + ": use 1 or more");
        }
        LatencyMeter meter = new LatencyMeter(warmup, runs, threads);
        return new HardwareProfiler(meter, meter, batchSize, EnergyModel.horowitz45nm());
    }

    /**
     * Selects the networks of a data set: NAS-Bench-201 networks for a benchmark data
     * set, the macro networks of real training (stem stride 2) otherwise.
     */
    private Target target(DatasetSpec datasetSpec) {
        EvaluatorFactory.requireEngineCache();
        if (datasetSpec instanceof DatasetSpec.Tabular tabular) {
            Nb201Input input = Nb201Input.of(tabular.dataset().id());
            Nb201NetworkBuilder builder = Nb201NetworkBuilder.forInput(input);
            return new Target(input.batchShape(1),
                    "nb201 networks for " + tabular.dataset().id(),
                    (architecture, manager) -> builder.create(architecture, manager,
                            DataType.FLOAT32, seed, false),
                    true);
        }
        TrainTestData images = EvaluatorFactory.readData((DatasetSpec.Training) datasetSpec);
        Shape image = new Shape(1, 1, images.train().rows(), images.train().columns());
        MacroNetworkBuilder builder = new MacroNetworkBuilder(images.classCount(), 2);
        return new Target(image,
                "macro networks for " + datasetSpec.displayName(),
                (architecture, manager) -> {
                    Block network = builder.build(architecture);
                    Trainer.initialize(network, manager, image, seed);
                    return network;
                },
                false);
    }

    /** Parses every architecture before any measurement starts. */
    private List<Architecture> architectures(SearchSpace space) {
        List<Architecture> parsed = new ArrayList<>();
        if (architectureTexts != null) {
            for (String text : architectureTexts) {
                parsed.add(parse(space, text));
            }
        }
        if (architectureFile != null) {
            parsed.addAll(ArchitectureList.read(architectureFile, space));
        }
        if (parsed.isEmpty()) {
            throw new UsageException("missing architectures: pass --architecture ARCH "
                    + "(repeatable) or --architectures FILE");
        }
        return parsed;
    }

    private static Architecture parse(SearchSpace space, String text) {
        try {
            return space.parse(text);
        } catch (ArchitectureFormatException e) {
            String hint = space.name().equals(MacroSpace.NAME)
                    ? "measure nb201 cells with --benchmark nb201 --dataset cifar10"
                    : "measure macro architectures with --dataset fashion-mnist";
            // The parser's message already quotes the text.
            throw new UsageException("invalid --architecture: " + e.getMessage()
                    + " (space " + space.name() + "; " + hint + ")", e);
        }
    }

    private static HardwareProfile measure(HardwareProfiler profiler, Target target,
            Architecture architecture) {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Block network = target.builder().build(architecture, manager);
            HardwareProfile profile = profiler.profile(network, manager, target.image());
            LOG.info("Measured {}: median {} ms", architecture.text(),
                    decimal(profile.latency().medianMs()));
            if (!target.nb201Flops()) {
                return profile;
            }
            return profile.withFlops(NetworkCost.of(network, target.image()).megaFlops());
        }
    }

    private Map<String, Object> row(Architecture architecture, HardwareProfile profile) {
        LatencyStats single = profile.latency();
        LatencyStats batch = profile.batchLatency();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("architecture", architecture.text());
        row.put("latency_ms", single.medianMs());
        row.put("latency_p10_ms", single.p10Ms());
        row.put("latency_p90_ms", single.p90Ms());
        row.put("latency_outliers", single.outliers());
        row.put("latency_runs", single.samplesMs().size());
        row.put("latency_batch_ms", batch.medianMs());
        row.put("latency_batch_p10_ms", batch.p10Ms());
        row.put("latency_batch_p90_ms", batch.p90Ms());
        row.put("latency_batch_outliers", batch.outliers());
        row.put("batch_size", profile.batchSize());
        row.put("threads", single.threads());
        row.put("params", profile.params());
        row.put("flops", profile.flops());
        row.put("memory_mb", profile.memoryMb());
        row.put("memory_measured_mb", profile.measuredMemoryMb());
        row.put("energy_mj", profile.energyMj());
        row.put("energy_model", profile.energyModel());
        return row;
    }

    private String table(List<Map<String, Object>> rows) {
        TextTable table = new TextTable(List.of("architecture", "#median ms", "#p10 ms",
                "#p90 ms", "#outliers", "#batch-" + batchSize + " ms", "#params M", "#flops M",
                "#memory est MB", "#memory meas MB", "#energy est mJ"));
        for (Map<String, Object> row : rows) {
            table.add(List.of((String) row.get("architecture"),
                    decimal((Double) row.get("latency_ms")),
                    decimal((Double) row.get("latency_p10_ms")),
                    decimal((Double) row.get("latency_p90_ms")),
                    row.get("latency_outliers") + "/" + row.get("latency_runs"),
                    decimal((Double) row.get("latency_batch_ms")),
                    decimal((Double) row.get("params")),
                    decimal((Double) row.get("flops")),
                    decimal((Double) row.get("memory_mb")),
                    decimal((Double) row.get("memory_measured_mb")),
                    decimal((Double) row.get("energy_mj"))));
        }
        return table.render();
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String jsonLine(Map<String, Object> row) {
        try {
            return COMPACT.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON output", e);
        }
    }

    /** Builds the initialized untrained network of an architecture in a manager. */
    @FunctionalInterface
    private interface NetworkFactory {
        Block build(Architecture architecture, NDManager manager);
    }

    /**
     * The networks to measure.
     *
     * @param image the shape of one input image, batch dimension 1
     * @param description the networks and data set, for the log
     * @param builder builds a network
     * @param nb201Flops whether FLOPs follow the NAS-Bench-201 count (batch norm, ReLU and
     *     pooling included) instead of multiply-accumulates only
     */
    private record Target(Shape image, String description,
            NetworkFactory builder, boolean nb201Flops) {
    }
}
