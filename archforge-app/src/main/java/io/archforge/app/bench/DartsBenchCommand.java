package io.archforge.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.eval.EvaluationContext;
import io.archforge.app.cli.ArchforgeCommand;
import io.archforge.app.cli.CommandLines;
import io.archforge.space.Architecture;
import io.archforge.space.CellPaths;
import io.archforge.space.CellSpace;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201Skeleton;
import io.archforge.torch.nb201.Nb201StandAlone;
import io.archforge.torch.nb201.StandAloneTable;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.TrainingRecipe;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench darts}: differentiable search on Fashion-MNIST in the
 * NAS-Bench-201 space, in several variants and seeds. Each search runs as {@code
 * archforge search} with its own store in the output directory, so a finished search is
 * read back rather than run again. Each derived cell is then judged twice: by its
 * 200-epoch CIFAR-10 test accuracy in the NAS-Bench-201 table, and by stand-alone
 * training on Fashion-MNIST with the fixed recipe of {@code bench ground-truth}. The
 * command writes {@code runs.csv}, a {@code standalone-*.csv} per skeleton and {@code summary.md}.
 */
@Command(name = "darts", mixinStandardHelpOptions = true,
        description = {
            "Run differentiable search variants on Fashion-MNIST for several seeds and judge "
                + "each derived cell by the NAS-Bench-201 table and by stand-alone training.",
            "Variants: darts, beta-darts, gdas, darts-em (edge mutation 0.2, skip limit 2 and parameter-free limit 2),"
                + " darts2 (second order)."})
public final class DartsBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DartsBenchCommand.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The NAS-Bench-201 CIFAR-10 test accuracy, percent, whose hits the summary counts. */
    private static final double TARGET = 93.0;

    /** The strategy of each variant, followed by its extra search options. */
    private static final Map<String, List<String>> VARIANTS = variants();

    @Spec
    CommandSpec spec;

    @Option(names = "--variants", split = ",", paramLabel = "NAME[,NAME...]",
            defaultValue = "darts,beta-darts,gdas,darts-em",
            description = "Variants to run (default: ${DEFAULT-VALUE}).")
    List<String> variants;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3",
            description = "Seeds per variant, run as seeds 0 to N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "6",
            description = "Search epochs of every variant but darts2 (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--second-order-epochs", paramLabel = "N", defaultValue = "4",
            description = "Search epochs of darts2, whose steps cost about three times as"
                    + " much (default: ${DEFAULT-VALUE}).")
    int secondOrderEpochs;

    @Option(names = "--second-order-seeds", paramLabel = "N", defaultValue = "1",
            description = "Seeds of darts2 (default: ${DEFAULT-VALUE}).")
    int secondOrderSeeds;

    @Option(names = "--standalone-channels", paramLabel = "N", defaultValue = "8",
            description = "Stem channels of the skeleton that trains each derived cell alone;"
                    + " 16 with 5 cells per stage is the benchmark's network (default:"
                    + " ${DEFAULT-VALUE}).")
    int standaloneChannels;

    @Option(names = "--standalone-cells-per-stage", paramLabel = "N", defaultValue = "1",
            description = "Cells per stage of that skeleton (default: ${DEFAULT-VALUE}).")
    int standaloneCells;

    @Option(names = "--standalone-epochs", paramLabel = "N", defaultValue = "4",
            description = "Epochs of the stand-alone training (default: ${DEFAULT-VALUE}).")
    int standaloneEpochs;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Fashion-MNIST IDX directory (default: the system's copy, else the "
                    + "bundled subset).")
    Path data;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "bench-darts",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    /** One finished search and its judgement. */
    record Run(String variant, long seed, Architecture cell, int parameterFree,
            double supernetAccuracy, double cifar10, double standAlone, double minutes,
            boolean collapsed, double entropy) {
    }

    @Override
    public Integer call() throws IOException {
        BenchInputs inputs = new BenchInputs(spec);
        for (String variant : variants) {
            if (!VARIANTS.containsKey(variant)) {
                throw inputs.usage("unknown variant '" + variant + "' in --variants: use "
                        + String.join(", ", VARIANTS.keySet()));
            }
        }
        inputs.requireRange("--seeds", seeds, 100);
        inputs.requireRange("--epochs", epochs, 50);
        inputs.requireRange("--second-order-seeds", secondOrderSeeds, 100);
        inputs.requireRange("--second-order-epochs", secondOrderEpochs, 50);
        inputs.requireRange("--threads", threads, 64);
        inputs.requireRange("--standalone-epochs", standaloneEpochs, 200);
        try {
            new Nb201Skeleton(standaloneChannels, standaloneCells);
        } catch (IllegalArgumentException e) {
            throw inputs.usage("invalid stand-alone skeleton: " + e.getMessage());
        }
        inputs.prepareOutput("--output", output);

        List<Run> runs = new ArrayList<>();
        for (String variant : variants) {
            boolean second = variant.equals("darts2");
            int count = second ? secondOrderSeeds : seeds;
            for (long seed = 0; seed < count; seed++) {
                JsonNode result = search(variant, seed, second ? secondOrderEpochs : epochs);
                runs.add(judge(variant, seed, result));
            }
        }
        writeRuns(runs, output.resolve("runs.csv"));
        String summary = summary(runs);
        Files.writeString(output.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        out.print(summary);
        out.println("Wrote runs.csv, " + standaloneFile() + " and summary.md to "
                + output.toAbsolutePath());
        out.flush();
        return 0;
    }

    private JsonNode search(String variant, long seed, int searchEpochs) throws IOException {
        String label = variant + "-s" + seed;
        List<String> args = new ArrayList<>(List.of("search", "--strategy",
                VARIANTS.get(variant).get(0), "--space", "nb201", "--dataset", "fashion-mnist",
                "--epochs", Integer.toString(searchEpochs), "--seed", Long.toString(seed),
                "--storage", output.resolve(label + ".db").toString(), "--study", label,
                "--strategy-option", "threads=" + threads, "--json"));
        args.addAll(VARIANTS.get(variant).subList(1, VARIANTS.get(variant).size()));
        if (data != null) {
            args.addAll(List.of("--data", data.toString()));
        }
        LOG.info("Search {}", label);
        StringWriter text = new StringWriter();
        int status = CommandLines.create(new ArchforgeCommand())
                .setOut(new PrintWriter(text, true)).execute(args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("search " + label + " failed with exit status "
                    + status + ": see its error output above, fix the cause and run the bench"
                    + " again, which reuses the finished searches");
        }
        return MAPPER.readTree(text.toString());
    }

    private Run judge(String variant, long seed, JsonNode result) {
        CellSpace space = CellSpace.nb201();
        JsonNode best = result.get("best");
        Architecture cell = space.parse(best.get("architecture").asText());
        JsonNode metrics = best.get("metrics");
        JsonNode attributes = best.path("attributes");
        double standAlone = standAlone(cell);
        return new Run(variant, seed, cell, CellPaths.count(space, cell, CellPaths.PARAMETER_FREE),
                metrics.get("supernet_accuracy").asDouble(),
                metrics.get("cifar10_test_accuracy").asDouble(), standAlone,
                metrics.get("search_seconds").asDouble() / 60,
                attributes.path("collapsed").asText("false").equals("true"),
                metrics.get("alpha_entropy").asDouble());
    }

    /**
     * Returns the stand-alone accuracy of {@code cell}, trained with the ground-truth recipe
     * for {@code --standalone-epochs} in the skeleton of {@code --standalone-channels} and
     * {@code --standalone-cells-per-stage}. Each cell trains once per output directory and
     * skeleton, and later runs read the result from the skeleton's CSV file.
     */
    private double standAlone(Architecture cell) {
        Nb201Skeleton skeleton = new Nb201Skeleton(standaloneChannels, standaloneCells);
        TrainingRecipe recipe = GroundTruthBenchCommand.recipe().withEpochs(standaloneEpochs);
        Path file = output.resolve(standaloneFile());
        if (Files.exists(file)) {
            Double known = StandAloneTable.meanAccuracies(StandAloneTable.read(file)).get(cell);
            if (known != null) {
                return known;
            }
        }
        DjlRuntime.configure();
        DjlRuntime.setThreads(threads);
        TrainTestData loaded = DataSources.load("fashion-mnist", data);
        DataSplit split = DataSplit.carve(loaded.train(), GroundTruthBenchCommand.VALIDATION,
                GroundTruthBenchCommand.TRAIN, 0);
        Nb201StandAlone trainer = new Nb201StandAlone(new Nb201Input(1, loaded.train().rows(),
                loaded.classCount()), skeleton, recipe);
        Nb201StandAlone.Result result = trainer.train(cell, split, 0,
                EvaluationContext.detached(0));
        StandAloneTable.append(file, List.of("Stand-alone validation accuracy of derived cells"
                + " in a skeleton of " + standaloneChannels + " channels and " + standaloneCells
                + " cell(s) per stage: " + recipe.describe()),
                new StandAloneTable.Row(cell, result.accuracy(), result.seconds(), result.params(),
                        0));
        return result.accuracy();
    }

    /** Returns the CSV file name of the stand-alone skeleton and epochs. */
    private String standaloneFile() {
        return "standalone-c" + standaloneChannels + "-n" + standaloneCells + "-e"
                + standaloneEpochs + ".csv";
    }

    private static void writeRuns(List<Run> runs, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("variant,seed,cell,parameter_free_ops,"
                + "supernet_accuracy,cifar10_test_accuracy,standalone_accuracy,search_minutes,"
                + "collapsed,alpha_entropy\n");
        for (Run run : runs) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%s,%d,%.2f,%.2f,%.2f,%.1f,%s,%.3f%n",
                    run.variant(), run.seed(), run.cell().text(), run.parameterFree(),
                    run.supernetAccuracy(), run.cifar10(), run.standAlone(), run.minutes(),
                    run.collapsed(), run.entropy()));
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    static String summary(List<Run> runs) {
        StringBuilder text = new StringBuilder();
        text.append("| variant | seed | derived cell | parameter-free ops | Fashion-MNIST"
                + " stand-alone % | NB201 CIFAR-10 test % | search min |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            text.append(String.format(Locale.ROOT, "| %s | %d | `%s` | %d | %.2f | %.2f | %.1f |%n",
                    run.variant(), run.seed(), run.cell().text(), run.parameterFree(),
                    run.standAlone(), run.cifar10(), run.minutes()));
        }
        text.append("\n| variant | seeds | NB201 CIFAR-10 mean | min | seeds >= ")
                .append(TARGET).append(" | Fashion-MNIST stand-alone mean |\n")
                .append("|---|---|---|---|---|---|\n");
        Map<String, List<Run>> byVariant = new LinkedHashMap<>();
        runs.forEach(run -> byVariant.computeIfAbsent(run.variant(), v -> new ArrayList<>())
                .add(run));
        byVariant.forEach((variant, list) -> {
            double mean = list.stream().mapToDouble(Run::cifar10).average().orElse(Double.NaN);
            double min = list.stream().mapToDouble(Run::cifar10).min().orElse(Double.NaN);
            long hits = list.stream().filter(run -> run.cifar10() >= TARGET).count();
            double standAlone = list.stream().mapToDouble(Run::standAlone).average()
                    .orElse(Double.NaN);
            text.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %d of %d | %.2f |%n",
                    variant, list.size(), mean, min, hits, list.size(), standAlone));
        });
        return text.toString();
    }

    private static Map<String, List<String>> variants() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("darts", List.of("darts"));
        map.put("beta-darts", List.of("beta-darts"));
        map.put("gdas", List.of("gdas"));
        map.put("darts-em", List.of("darts", "--strategy-option", "edge_mutation=0.2",
                "--strategy-option", "skip_limit=2", "--strategy-option",
                "parameter_free_limit=2"));
        map.put("darts2", List.of("darts", "--darts-order", "2"));
        return map;
    }
}
