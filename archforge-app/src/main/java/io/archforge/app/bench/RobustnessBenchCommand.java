package io.archforge.app.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.archforge.app.output.Json;
import io.archforge.app.output.TextTable;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.Architecture;
import io.archforge.space.MacroSpace;
import io.archforge.study.Seeds;
import io.archforge.torch.bench.CpuInfo;
import io.archforge.torch.data.DataFileException;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.net.MacroNetworkBuilder;
import io.archforge.torch.net.ReferenceNetworks;
import io.archforge.torch.robust.Attack;
import io.archforge.torch.robust.RobustAccuracy;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.Trainer;
import io.archforge.torch.train.TrainingRecipe;
import io.archforge.torch.train.TrainingResult;
import java.io.PrintWriter;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench robustness}: trains one macro network on Fashion-MNIST as
 * {@code archforge evaluate} does (stem stride 2, split seed 0, the trial seed of trial 0
 * of {@code --seed}), then measures its validation accuracy under each attack at each
 * epsilon ({@link RobustAccuracy}).
 */
@Command(name = "robustness", mixinStandardHelpOptions = true,
        description = {
            "Train one macro network on Fashion-MNIST and print its validation accuracy "
                + "under Gaussian noise, FGSM and PGD at several epsilons on the [0, 1] "
                + "pixel scale."})
public final class RobustnessBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RobustnessBenchCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--architecture", paramLabel = "ARCH",
            defaultValue = ReferenceNetworks.REFERENCE_MACRO,
            description = "The macro architecture to train (default: the reference network).")
    String architecture;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the Fashion-MNIST IDX files (default: the "
                + "system's copy, else the shipped subset).")
    Path data;

    @Option(names = "--attacks", split = ",", paramLabel = "NAME", defaultValue = "noise,fgsm,pgd",
            description = "Comma-separated attacks: noise, fgsm, pgd, brightness, contrast "
                + "(default: ${DEFAULT-VALUE}).")
    List<String> attacks;

    @Option(names = "--epsilons", split = ",", paramLabel = "E",
            defaultValue = "0,0.02,0.05,0.1,0.2",
            description = "Comma-separated epsilons on the [0, 1] pixel scale "
                + "(default: ${DEFAULT-VALUE}).")
    List<Double> epsilons;

    @Option(names = "--pgd-steps", paramLabel = "N", defaultValue = "10",
            description = "PGD steps. The step size is 2.5 epsilon / steps "
                + "(default: ${DEFAULT-VALUE}).")
    int pgdSteps;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3",
            description = "Passes over the training images (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--train-images", paramLabel = "N", defaultValue = "5000",
            description = "Training images (default: ${DEFAULT-VALUE}).")
    int trainImages;

    @Option(names = "--validation-images", paramLabel = "N", defaultValue = "1000",
            description = "Held-out images that are attacked (default: ${DEFAULT-VALUE}).")
    int validationImages;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the training run and the attacks, as in evaluate "
                + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    /** One measured cell: an attack at one epsilon. */
    private record Cell(String attack, double epsilon, double accuracy, double seconds) {
    }

    @Override
    public Integer call() {
        List<Attack> grid = grid();
        TrainingRecipe recipe = recipe();
        Architecture parsed = parseArchitecture();
        DjlRuntime.configure();
        DjlRuntime.setThreads(threads);
        TrainTestData dataset = load();
        DataSplit split = DataSplit.carve(dataset.train(), validationImages, trainImages, 0);
        long trialSeed = Seeds.trialSeed(seed, 0);

        List<Cell> cells = new ArrayList<>();
        double clean;
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            // Train as the training evaluator does
            SequentialBlock network = new MacroNetworkBuilder(dataset.classCount(), 2)
                    .build(parsed);
            Trainer.initialize(network, manager, new Shape(1, 1, dataset.train().rows(),
                    dataset.train().columns()), trialSeed);
            TrainingResult result = new Trainer(recipe).fit(network, manager, split, trialSeed,
                    EvaluationContext.detached(trialSeed));
            clean = result.accuracy();
            LOG.info("Trained in {} s: validation accuracy {}%",
                    format("%.1f", result.trainSeconds()), format("%.2f", clean));

            // Every attack at every epsilon, on the same validation images
            for (Attack attack : grid) {
                long start = System.nanoTime();
                double accuracy = new RobustAccuracy(attack).measure(network, manager,
                        split.validation(), trialSeed, EvaluationContext.detached(trialSeed));
                double seconds = (System.nanoTime() - start) / 1e9;
                cells.add(new Cell(attack.name(), attack.epsilon(), accuracy, seconds));
                LOG.info("{} at epsilon {}: {}% in {} s", attack.name(), attack.epsilon(),
                        format("%.2f", accuracy), format("%.1f", seconds));
            }
        }
        print(dataset, recipe, clean, cells);
        return 0;
    }

    private List<Attack> grid() {
        List<Attack> grid = new ArrayList<>();
        for (String name : attacks) {
            for (double epsilon : epsilons) {
                grid.add(attack(name, epsilon));
            }
        }
        return grid;
    }

    private Attack attack(String name, double epsilon) {
        if (!Attack.names().contains(name)) {
            throw new ParameterException(spec.commandLine(), "unknown attack '" + name
                    + "' in --attacks: use " + String.join(", ", Attack.names()));
        }
        if (name.equals(Attack.PGD) && pgdSteps < 1) {
            throw new ParameterException(spec.commandLine(), "invalid --pgd-steps " + pgdSteps
                    + ": it must be 1 or more, such as " + Attack.Pgd.STANDARD_STEPS);
        }
        try {
            return name.equals(Attack.PGD) ? new Attack.Pgd(epsilon, pgdSteps)
                    : Attack.of(name, epsilon);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid --epsilons: "
                    + e.getMessage());
        }
    }

    private TrainingRecipe recipe() {
        TrainingRecipe standard = TrainingRecipe.standard();
        try {
            return new TrainingRecipe(epochs, standard.batchSize(), trainImages,
                    validationImages, standard.learningRate(), standard.momentum(),
                    standard.weightDecay());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid training options: "
                    + e.getMessage());
        }
    }

    private Architecture parseArchitecture() {
        try {
            return MacroSpace.create().parse(architecture);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid --architecture: "
                    + e.getMessage());
        }
    }

    private TrainTestData load() {
        try {
            TrainTestData loaded = DataSources.load("fashion-mnist", data);
            DataSplit.carve(loaded.train(), validationImages, trainImages, 0);
            return loaded;
        } catch (DataFileException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "failed to read the training data: "
                    + e.getMessage());
        }
    }

    private void print(TrainTestData dataset, TrainingRecipe recipe, double clean,
            List<Cell> cells) {
        PrintWriter out = spec.commandLine().getOut();
        String machine = CpuInfo.read().model() + ", "
                + Runtime.getRuntime().availableProcessors() + " available processors, "
                + threads + " intra-op thread(s)";
        if (json) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("machine", machine);
            values.put("data_source", dataset.source());
            values.put("architecture", architecture);
            values.put("recipe", recipe.describe());
            values.put("seed", seed);
            values.put("pgd_steps", pgdSteps);
            values.put("clean_accuracy", clean);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Cell cell : cells) {
                rows.add(Map.of("attack", cell.attack(), "epsilon", cell.epsilon(),
                        "accuracy", cell.accuracy(), "seconds", cell.seconds()));
            }
            values.put("results", rows);
            out.println(Json.write(values));
            out.flush();
            return;
        }
        out.println("Machine: " + machine);
        out.println("Data: " + dataset.source());
        out.println("Architecture: " + architecture);
        out.println("Recipe: " + recipe.describe());
        out.printf(Locale.ROOT, "Clean validation accuracy: %.2f%%%n%n", clean);
        out.print(table(cells).render());
        out.flush();
    }

    /** Builds a table of one row per epsilon, with accuracy and seconds per attack. */
    private TextTable table(List<Cell> cells) {
        List<String> headers = new ArrayList<>(List.of("#epsilon"));
        for (String name : attacks) {
            headers.add("#" + name + " %");
            headers.add("#" + name + " s");
        }
        TextTable table = new TextTable(headers);
        for (double epsilon : epsilons) {
            List<String> row = new ArrayList<>(List.of(Double.toString(epsilon)));
            for (String name : attacks) {
                Cell cell = cells.stream()
                        .filter(c -> c.attack().equals(name) && c.epsilon() == epsilon)
                        .findFirst().orElseThrow();
                row.add(format("%.2f", cell.accuracy()));
                row.add(format("%.1f", cell.seconds()));
            }
            table.add(row);
        }
        return table;
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
