package io.archforge.app.bench;

import io.archforge.eval.EvaluationContext;
import io.archforge.space.Architecture;
import io.archforge.space.CellPaths;
import io.archforge.space.CellSpace;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201Skeleton;
import io.archforge.torch.nb201.Nb201StandAlone;
import io.archforge.torch.nb201.StandAloneTable;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.TrainingRecipe;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench ground-truth}: trains a seeded sample of NAS-Bench-201 cells
 * from scratch on Fashion-MNIST with one fixed short recipe. It appends each cell's
 * validation accuracy to a CSV file, the ground truth that supernet rankings are scored
 * against. The sample contains cells of distinct isomorphism classes whose output
 * depends on the input. Cells already in the file are skipped whatever settings produced
 * them, so a stopped run resumes, and other settings need a new {@code --output}.
 */
@Command(name = "ground-truth", mixinStandardHelpOptions = true,
        description = {
            "Train a sample of NAS-Bench-201 cells stand-alone on Fashion-MNIST and append "
                + "their validation accuracies to --output (CSV); cells already there are "
                + "skipped."})
public final class GroundTruthBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(GroundTruthBenchCommand.class);

    /** Training images of the default recipe. */
    static final int TRAIN = 10_000;

    /** Validation images of the default recipe, carved with split seed 0. */
    static final int VALIDATION = 2_000;


    /**
     * The number of isomorphism classes of NAS-Bench-201 cells whose output depends on the
     * input: 6,461 of the 6,466 classes, counted over all 15,625 cells with
     * {@link CellPaths#reachesOutput} and {@link Architecture#isomorphismKey()}.
     */
    static final int REACHABLE_CLASSES = 6461;

    /** Returns the default recipe: 4 epochs on 10,000 images, batch 64, SGD 0.1 cosine. */
    static TrainingRecipe recipe() {
        return recipe(4, TRAIN, VALIDATION);
    }

    private static TrainingRecipe recipe(int epochs, int train, int validation) {
        return new TrainingRecipe(epochs, 64, train, validation, 0.1f, 0.9f, 5e-4f);
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Fashion-MNIST IDX directory (default: the system's copy, else the "
                    + "bundled subset).")
    Path data;

    @Option(names = "--cells", paramLabel = "N", defaultValue = "40",
            description = "Cells to train (default: ${DEFAULT-VALUE}).")
    int cells;

    @Option(names = "--sample-seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the cell sample (default: ${DEFAULT-VALUE}).")
    long sampleSeed;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Training seed of every cell (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "4",
            description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--train-images", paramLabel = "N", defaultValue = "10000",
            description = "Training images (default: ${DEFAULT-VALUE}).")
    int trainImages;

    @Option(names = "--validation-images", paramLabel = "N", defaultValue = "2000",
            description = "Validation images, carved from the training set with split seed 0 "
                    + "(default: ${DEFAULT-VALUE}).")
    int validationImages;

    @Option(names = "--channels", paramLabel = "N", defaultValue = "8",
            description = "Stem channels of the skeleton (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--cells-per-stage", paramLabel = "N", defaultValue = "1",
            description = "Cells per stage of the skeleton (default: ${DEFAULT-VALUE}).")
    int cellsPerStage;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--output", paramLabel = "FILE",
            defaultValue = "nb201-fashion-mnist-ground-truth.csv",
            description = "CSV file to append to (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() {
        BenchInputs inputs = new BenchInputs(spec);
        // A larger sample could never be drawn, so sample() would not return.
        inputs.requireRange("--cells", cells, REACHABLE_CLASSES);
        inputs.requireRange("--epochs", epochs, 200);
        inputs.requireRange("--threads", threads, 64);
        Nb201Skeleton skeleton;
        TrainingRecipe recipe;
        try {
            skeleton = new Nb201Skeleton(channels, cellsPerStage);
            recipe = recipe(epochs, trainImages, validationImages);
        } catch (IllegalArgumentException e) {
            throw inputs.usage("invalid skeleton or recipe: " + e.getMessage());
        }
        List<Architecture> sample = sample(CellSpace.nb201(), cells, sampleSeed);
        Set<Architecture> done = new LinkedHashSet<>();
        if (Files.exists(output)) {
            try {
                StandAloneTable.read(output).forEach(row -> done.add(row.cell()));
            } catch (IllegalArgumentException e) {
                throw inputs.usage("invalid --output " + output + ": " + e.getMessage());
            }
        }

        DjlRuntime.configure();
        DjlRuntime.setThreads(threads);
        TrainTestData loaded = BenchInputs.fashionMnist(inputs, data);
        DataSplit split;
        try {
            split = DataSplit.carve(loaded.train(), validationImages, trainImages, 0);
        } catch (IllegalArgumentException e) {
            throw inputs.usage("invalid --train-images or --validation-images: "
                    + e.getMessage());
        }
        Nb201StandAlone trainer = new Nb201StandAlone(
                new Nb201Input(1, loaded.train().rows(), loaded.classCount()), skeleton, recipe);
        List<String> description = List.of(
                "Stand-alone validation accuracy of NAS-Bench-201 cells on " + loaded.source(),
                "skeleton: " + channels + " channels, " + cellsPerStage + " cell(s) per stage;"
                        + " recipe: " + recipe.describe() + "; split seed 0",
                "produced by: archforge bench ground-truth --cells " + cells + " --sample-seed "
                        + sampleSeed + " --seed " + seed + " --epochs " + epochs
                        + " --train-images " + trainImages + " --validation-images "
                        + validationImages + " --channels " + channels + " --cells-per-stage "
                        + cellsPerStage);
        PrintWriter out = spec.commandLine().getOut();
        int index = 0;
        for (Architecture cell : sample) {
            index++;
            if (done.contains(cell)) {
                continue;
            }
            Nb201StandAlone.Result result = trainer.train(cell, split, seed,
                    EvaluationContext.detached(seed));
            StandAloneTable.append(output, description, new StandAloneTable.Row(cell,
                    result.accuracy(), result.seconds(), result.params(), seed));
            String line = String.format(Locale.ROOT, "%d/%d %s %.2f%% in %.0f s", index,
                    sample.size(), cell.text(), result.accuracy(), result.seconds());
            LOG.info("{}", line);
            out.println(line);
            out.flush();
        }
        out.println("Wrote " + output.toAbsolutePath());
        out.flush();
        return 0;
    }

    /**
     * Draws {@code count} cells of distinct isomorphism classes whose output depends on
     * the input, uniformly, with {@code seed}.
     */
    static List<Architecture> sample(CellSpace space, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> classes = new LinkedHashSet<>();
        List<Architecture> sample = new ArrayList<>();
        while (sample.size() < count) {
            Architecture cell = space.sample(random);
            if (CellPaths.reachesOutput(space, cell) && classes.add(cell.isomorphismKey())) {
                sample.add(cell);
            }
        }
        return List.copyOf(sample);
    }
}
