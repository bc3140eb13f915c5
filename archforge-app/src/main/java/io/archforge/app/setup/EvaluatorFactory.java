package io.archforge.app.setup;

import io.archforge.app.cli.UsageException;
import io.archforge.app.domain.Domains;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.Evaluator;
import io.archforge.eval.cache.EvaluatorFingerprint;
import io.archforge.space.MacroSpace;
import io.archforge.space.RecipeSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.Objective;
import io.archforge.torch.data.DataFileException;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.hardware.LocalLatencyEvaluator;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201NetworkBuilder;
import io.archforge.torch.robust.Attack;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.EngineCacheException;
import io.archforge.torch.train.LatencyMeter;
import io.archforge.torch.train.TrainingEvaluator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Builds the evaluator a study or an evaluation needs from its {@link DatasetSpec}:
 * NAS-Bench-201 look-ups, with latency from the table or measured on this machine, or
 * real training with DJL. Bad input found on the way (an
 * unknown device, a corrupt IDX file, a space the evaluator cannot build) becomes a
 * {@link UsageException}.
 */
public final class EvaluatorFactory {

    /** The fingerprint option that versions the metrics a NAS-Bench-201 look-up returns. */
    private static final String NB201_RESULTS_VERSION = "results_version";

    private EvaluatorFactory() {
    }

    /**
     * An evaluator and, for real training, a description of the data it reads.
     *
     * @param evaluator the evaluator; the caller closes it
     * @param dataSource the files the training data came from, or empty for a benchmark
     */
    public record Setup(Evaluator evaluator, Optional<String> dataSource) implements AutoCloseable {
        @Override
        public void close() {
            evaluator.close();
        }
    }

    /**
     * Creates the evaluator for {@code spec} over {@code space} and checks that it
     * returns every objective's metric.
     *
     * @throws UsageException naming the bad value and the fix
     */
    public static Setup create(DatasetSpec spec, SearchSpace space, List<Objective> objectives) {
        return create(spec, space, objectives, Optional.empty());
    }

    /**
     * Creates the evaluator as {@link #create(DatasetSpec, SearchSpace, List)} does and,
     * with an attack, lets it also report {@code robust_accuracy} ({@link StudyAttack}).
     *
     * @throws UsageException naming the bad value and the fix
     */
    public static Setup create(DatasetSpec spec, SearchSpace space, List<Objective> objectives,
            Optional<Attack> attack) {
        Setup setup = StudyAttack.apply(evaluator(spec, space), attack);
        try {
            requireMetrics(setup.evaluator(), spec, objectives);
        } catch (UsageException e) {
            setup.close();
            throw e;
        }
        return setup;
    }

    private static Setup evaluator(DatasetSpec spec, SearchSpace space) {
        if (spec instanceof DatasetSpec.Tabular tabular) {
            return nb201(tabular, space);
        }
        if (spec instanceof DatasetSpec.Domain domain) {
            return Domains.of(domain).create(domain, space);
        }
        return training((DatasetSpec.Training) spec, space);
    }

    /**
     * Returns the evaluation cache fingerprint of the evaluator {@link #create} builds for
     * {@code spec}: its name and the options that change its results. The NAS-Bench-201
     * protocol only chooses which returned metric the search optimises, so it is left out
     * and studies of either protocol share cached look-ups.
     *
     * <p>NOTE: for real training the options name the data directory, not the content of
     * its files. Training is noisy, so the cache never serves it.
     */
    public static String fingerprint(DatasetSpec spec) {
        Map<String, String> options = new HashMap<>(spec.evaluatorOptions());
        if (spec instanceof DatasetSpec.Tabular) {
            options.remove(DatasetSpec.Tabular.PROTOCOL);
            // Version 2 added memory_mb and energy_mj, which entries of version 1 lack.
            options.put(NB201_RESULTS_VERSION, "2");
        }
        return EvaluatorFingerprint.of(spec.evaluator(), options);
    }

    private static Setup nb201(DatasetSpec.Tabular spec, SearchSpace space) {
        if (!space.name().equals("nb201")) {
            throw new UsageException("--space " + space.name()
                    + " does not fit the nb201 benchmark, "
                    + "whose table covers only the nb201 cell space; use --space nb201");
        }
        Nb201Table table = Nb201Tables.shared();
        requireTableDevices(table, spec.extraDevices());
        if (spec.device().filter(DatasetSpec.LOCAL_DEVICE::equals).isPresent()) {
            return new Setup(localLatency(table, spec), Optional.empty());
        }
        try {
            return new Setup(new Nb201Evaluator(table, spec.dataset(), spec.device(),
                    spec.extraDevices()), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --device '" + spec.device().orElse("")
                    + "': use " + DatasetSpec.LOCAL_DEVICE + " (latency measured on this "
                    + "machine) or a table device: " + String.join(", ", table.devices()));
        }
    }

    /**
     * Looks NAS-Bench-201 results up and measures each cell's batch-1 latency on this
     * machine, on its untrained network for the data set's input size.
     */
    private static Evaluator localLatency(Nb201Table table, DatasetSpec.Tabular spec) {
        requireEngineCache();
        Nb201Dataset dataset = spec.dataset();
        Nb201NetworkBuilder builder = Nb201NetworkBuilder.forInput(Nb201Input.of(dataset.id()));
        return new LocalLatencyEvaluator(new Nb201Evaluator(table, dataset, Optional.empty(),
                spec.extraDevices()), builder, LatencyMeter.standard());
    }

    /**
     * Checks the devices that constraints name after {@code @}.
     *
     * @throws UsageException naming the first unknown device and listing the valid ones
     */
    private static void requireTableDevices(Nb201Table table, List<String> devices) {
        for (String device : devices) {
            if (!table.devices().contains(device)) {
                throw new UsageException("unknown device '" + device + "' in --constraint: use "
                        + "a NAS-Bench-201 table device (" + String.join(", ", table.devices())
                        + "), or " + DatasetSpec.LOCAL_DEVICE + " together with --device "
                        + DatasetSpec.LOCAL_DEVICE);
            }
        }
    }

    private static Setup training(DatasetSpec.Training spec, SearchSpace space) {
        if (!space.name().equals(MacroSpace.NAME) && !space.name().equals(RecipeSpace.NAME)) {
            throw new UsageException("--space " + space.name()
                    + " cannot be trained: real training builds networks of the macro space"
                    + " only; use --space macro, or --tune-recipe to search the training"
                    + " recipe with it");
        }
        requireEngineCache();
        TrainTestData data = readData(spec);
        TrainingSettings settings = spec.settings();
        requireEnoughImages(data, settings);
        TrainingEvaluator evaluator = TrainingEvaluator.standard(data, settings.toRecipe());
        return new Setup(evaluator, Optional.of(data.source()));
    }

    /**
     * Checks that the training split contains the validation images and, besides them, the
     * training images, because both are taken from it.
     */
    private static void requireEnoughImages(TrainTestData data, TrainingSettings settings) {
        int available = data.train().size();
        if (settings.validationImages() >= available) {
            throw new UsageException("invalid --validation-images "
                    + settings.validationImages() + ": the training split of " + data.source()
                    + " has " + available + " images, and training needs some of them; use "
                    + "fewer validation images");
        }
        int left = available - settings.validationImages();
        if (settings.trainImages() > left) {
            throw new UsageException("invalid --train-images " + settings.trainImages()
                    + ": the training split of " + data.source() + " has " + available
                    + " images, " + left + " of them left after the "
                    + settings.validationImages() + " validation images; use --train-images "
                    + left + " or fewer");
        }
    }

    /** Checks the DJL cache directory before any work, turning a bad one into bad input. */
    public static void requireEngineCache() {
        try {
            DjlRuntime.requireWritableCache();
        } catch (EngineCacheException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** Reads the training data, turning missing or corrupt files into bad input. */
    public static TrainTestData readData(DatasetSpec.Training spec) {
        String name = spec.source().equals(DatasetSpec.IDX)
                ? "idx:" + spec.directory().orElseThrow()
                : DatasetSpec.FASHION_MNIST;
        try {
            return DataSources.load(name, spec.source().equals(DatasetSpec.IDX)
                    ? null : spec.directory().orElse(null));
        } catch (DataFileException | IllegalArgumentException e) {
            throw new UsageException("cannot read the training data: " + e.getMessage(), e);
        }
    }

    private static void requireMetrics(Evaluator evaluator, DatasetSpec spec,
            List<Objective> objectives) {
        for (Objective objective : objectives) {
            if (evaluator.metrics().contains(objective.metric())) {
                continue;
            }
            boolean latency = objective.metric().equals("latency_ms");
            String hint = spec instanceof DatasetSpec.Tabular && latency
                    ? "; latency_ms needs --device NAME or --device " + DatasetSpec.LOCAL_DEVICE
                    : "";
            throw new UsageException("unknown objective metric '" + objective.metric() + "' for "
                    + spec.label() + ": use one of " + new TreeSet<>(evaluator.metrics()) + hint);
        }
    }
}
