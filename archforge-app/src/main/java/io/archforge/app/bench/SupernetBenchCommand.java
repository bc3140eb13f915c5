package io.archforge.app.bench;

import io.archforge.eval.EvaluationContext;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201Skeleton;
import io.archforge.torch.nb201.StandAloneTable;
import io.archforge.torch.supernet.FewShotSupernet;
import io.archforge.torch.supernet.InheritedWeights;
import io.archforge.torch.supernet.Nb201Supernet;
import io.archforge.torch.supernet.PathSampling;
import io.archforge.torch.supernet.RankingFidelity;
import io.archforge.torch.supernet.StageDistillation;
import io.archforge.torch.supernet.Supernet;
import io.archforge.torch.supernet.SupernetTrainer;
import io.archforge.torch.supernet.SupernetTraining;
import io.archforge.torch.train.DjlRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
 * {@code archforge bench supernet}: how well a one-shot NAS-Bench-201 supernet trained on
 * Fashion-MNIST ranks cells against their stand-alone accuracies. It trains the supernet
 * with and without each ranking repair: fair path sampling, few-shot splitting on one
 * edge, and block-wise distillation from a trained teacher. Every variant trains in the
 * search skeleton on the default split of {@code bench ground-truth} (10,000 training
 * and 2,000 validation images, split seed 0). It scores each ground-truth cell with
 * inherited weights after batch-norm recalibration and reports Kendall tau and
 * Spearman. The command writes {@code cells.csv} and {@code summary.md}.
 */
@Command(name = "supernet", mixinStandardHelpOptions = true,
        description = {
            "Train NAS-Bench-201 supernets on Fashion-MNIST with and without ranking repairs "
                + "and score their rankings against stand-alone accuracies (Kendall tau, "
                + "Spearman).",
            "Variants: uniform, fair, few-shot (uniform, then split on edge 0->3), distill "
                + "(uniform with stage distillation from a 3x3-convolution teacher)."})
public final class SupernetBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SupernetBenchCommand.class);
    private static final List<String> VARIANTS = List.of("uniform", "fair", "few-shot",
            "distill");
    private static final String TEACHER = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|"
            + "+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    @Spec
    CommandSpec spec;

    @Option(names = "--ground-truth", paramLabel = "FILE",
            description = "Stand-alone accuracies, as bench ground-truth writes them (default:"
                    + " the bundled 40 cells).")
    Path groundTruth;

    @Option(names = "--variants", split = ",", paramLabel = "NAME[,NAME...]",
            defaultValue = "uniform,fair,few-shot,distill",
            description = "Variants to train (default: ${DEFAULT-VALUE}).")
    List<String> variants;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10",
            description = "Supernet training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--few-shot-epochs", paramLabel = "N", defaultValue = "2",
            description = "Further epochs of each few-shot sub-supernet (default:"
                    + " ${DEFAULT-VALUE}).")
    int fewShotEpochs;

    @Option(names = "--teacher-epochs", paramLabel = "N", defaultValue = "4",
            description = "Training epochs of the distillation teacher (default:"
                    + " ${DEFAULT-VALUE}).")
    int teacherEpochs;

    @Option(names = "--distill-weight", paramLabel = "W", defaultValue = "1",
            description = "Weight of the stage loss (default: ${DEFAULT-VALUE}).")
    float distillWeight;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the weights and the image order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Fashion-MNIST IDX directory (default: the system's copy, else the "
                    + "bundled subset).")
    Path data;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "bench-supernet",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    /** The scores of one variant: inherited-weight accuracy per cell, fidelity and time. */
    record Scored(String variant, Map<Architecture, Double> inherited, RankingFidelity fidelity,
            double trainMinutes) {
    }

    @Override
    public Integer call() throws IOException {
        BenchInputs inputs = new BenchInputs(spec);
        for (String variant : variants) {
            if (!VARIANTS.contains(variant)) {
                throw inputs.usage("unknown variant '" + variant + "' in --variants: use "
                        + String.join(", ", VARIANTS));
            }
        }
        inputs.requireRange("--epochs", epochs, 200);
        inputs.requireRange("--few-shot-epochs", fewShotEpochs, 200);
        inputs.requireRange("--teacher-epochs", teacherEpochs, 200);
        inputs.requireRange("--threads", threads, 64);
        Map<Architecture, Double> truth;
        try {
            truth = StandAloneTable.meanAccuracies(groundTruth == null
                    ? StandAloneTable.bundled() : StandAloneTable.read(groundTruth));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw inputs.usage("invalid --ground-truth: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw inputs.usage("missing ground truth: " + e.getMessage()
                    + ". Or pass --ground-truth FILE");
        }
        if (truth.size() < 2) {
            throw inputs.usage("invalid --ground-truth: it has " + truth.size()
                    + " cells, but a ranking needs at least 2");
        }
        inputs.prepareOutput("--output", output);

        DjlRuntime.configure();
        DjlRuntime.setThreads(threads);
        TrainTestData loaded = BenchInputs.fashionMnist(inputs, data);
        DataSplit split = DataSplit.carve(loaded.train(), GroundTruthBenchCommand.VALIDATION,
                GroundTruthBenchCommand.TRAIN, 0);
        Nb201Input input = new Nb201Input(1, loaded.train().rows(), loaded.classCount());
        InheritedWeights inherited = InheritedWeights.standard(split);
        SupernetTraining uniform = SupernetTraining.standard(epochs);

        List<Scored> results = new ArrayList<>();
        Nb201Supernet base = null;
        try {
            if (variants.contains("uniform") || variants.contains("few-shot")) {
                long start = System.nanoTime();
                base = Nb201Supernet.create(input, Nb201Skeleton.SEARCH, seed);
                new SupernetTrainer(uniform).train(base, split, seed,
                        EvaluationContext.detached(0));
                double minutes = minutesSince(start);
                if (variants.contains("uniform")) {
                    results.add(score("uniform", base, truth, inherited, minutes));
                }
                if (variants.contains("few-shot")) {
                    long more = System.nanoTime();
                    try (FewShotSupernet few = FewShotSupernet.split(base,
                            FewShotSupernet.DEFAULT_SPLIT_EDGE, new SupernetTrainer(
                                    uniform.withEpochs(fewShotEpochs)), split, seed,
                            EvaluationContext.detached(0))) {
                        results.add(score("few-shot", few, truth, inherited,
                                minutes + minutesSince(more)));
                    }
                }
            }
            if (variants.contains("fair")) {
                long start = System.nanoTime();
                try (Nb201Supernet fair = Nb201Supernet.create(input, Nb201Skeleton.SEARCH,
                        seed)) {
                    new SupernetTrainer(uniform.withSampling(PathSampling.FAIR)).train(fair,
                            split, seed, EvaluationContext.detached(0));
                    results.add(score("fair", fair, truth, inherited, minutesSince(start)));
                }
            }
            if (variants.contains("distill")) {
                results.add(distilled(input, split, truth, inherited, uniform));
            }
        } finally {
            if (base != null) {
                base.close();
            }
        }
        writeCells(results, truth);
        String summary = summary(results, truth.size());
        Files.writeString(output.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        out.print(summary);
        out.println("Wrote cells.csv and summary.md to " + output.toAbsolutePath());
        out.flush();
        return 0;
    }

    private Scored distilled(Nb201Input input, DataSplit split, Map<Architecture, Double> truth,
            InheritedWeights inherited, SupernetTraining uniform) {
        long start = System.nanoTime();
        Architecture cell = CellSpace.nb201().parse(TEACHER);
        try (Nb201Supernet teacher = Nb201Supernet.fixed(input, Nb201Skeleton.SEARCH, cell,
                seed + 1)) {
            new SupernetTrainer(uniform.withEpochs(teacherEpochs)).train(teacher, split, seed + 1,
                    EvaluationContext.detached(0));
            double teacherAccuracy = inherited.accuracy(teacher, cell,
                    EvaluationContext.detached(0));
            LOG.info("Teacher {} reached {}% validation accuracy", TEACHER,
                    String.format(Locale.ROOT, "%.2f", teacherAccuracy));
            try (Nb201Supernet student = Nb201Supernet.create(input, Nb201Skeleton.SEARCH,
                    seed)) {
                new SupernetTrainer(uniform).withDistillation(new StageDistillation(teacher,
                        distillWeight)).train(student, split, seed, EvaluationContext.detached(0));
                return score("distill", student, truth, inherited, minutesSince(start));
            }
        }
    }

    private static Scored score(String variant, Supernet supernet,
            Map<Architecture, Double> truth, InheritedWeights inherited, double minutes) {
        Map<Architecture, Double> scores = new LinkedHashMap<>();
        for (Architecture cell : truth.keySet()) {
            scores.put(cell, inherited.accuracy(supernet, cell, EvaluationContext.detached(0)));
        }
        RankingFidelity fidelity = RankingFidelity.of(scores, truth);
        LOG.info("{}: Kendall tau {}, Spearman {} over {} cells", variant,
                String.format(Locale.ROOT, "%.3f", fidelity.kendallTau()),
                String.format(Locale.ROOT, "%.3f", fidelity.spearman()), fidelity.count());
        return new Scored(variant, scores, fidelity, minutes);
    }

    private void writeCells(List<Scored> results, Map<Architecture, Double> truth)
            throws IOException {
        StringBuilder csv = new StringBuilder("architecture,standalone_accuracy");
        results.forEach(result -> csv.append(',').append(result.variant()));
        csv.append('\n');
        for (Map.Entry<Architecture, Double> entry : truth.entrySet()) {
            csv.append(entry.getKey().text()).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", entry.getValue()));
            for (Scored result : results) {
                csv.append(String.format(Locale.ROOT, ",%.2f",
                        result.inherited().get(entry.getKey())));
            }
            csv.append('\n');
        }
        Files.writeString(output.resolve("cells.csv"), csv, StandardCharsets.UTF_8);
    }

    private static String summary(List<Scored> results, int cells) {
        StringBuilder text = new StringBuilder("| variant | Kendall tau | Spearman | mean"
                + " inherited accuracy % | training min |\n|---|---|---|---|---|\n");
        for (Scored result : results) {
            double mean = result.inherited().values().stream().mapToDouble(Double::doubleValue)
                    .average().orElse(Double.NaN);
            text.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.2f | %.1f |%n",
                    result.variant(), result.fidelity().kendallTau(),
                    result.fidelity().spearman(), mean, result.trainMinutes()));
        }
        text.append(String.format(Locale.ROOT, "%nOver %d ground-truth cells.%n", cells));
        return text.toString();
    }

    private static double minutesSince(long start) {
        return (System.nanoTime() - start) / 6e10;
    }
}
