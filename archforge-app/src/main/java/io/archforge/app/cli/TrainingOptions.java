package io.archforge.app.cli;

import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.TrainingSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The training-recipe options of {@code search} and {@code evaluate}. Every field stays
 * null unless given, so a resumed study can tell explicit values from stored ones. The
 * defaults in the help text are those of {@link TrainingSettings#standard()}.
 */
final class TrainingOptions {

    @Option(names = "--epochs", paramLabel = "N",
            description = "Real training: passes over the training data per trial "
                    + "(default: 3); graphs default to 200, text to 2.")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Real training: images per SGD step (default: 64); text: "
                    + "windows per Adam step (default 16, at most 1024).")
    Integer batchSize;

    @Option(names = "--train-images", paramLabel = "N",
            description = "Real training: images each trial trains on, taken from the "
                    + "training split (default: 5000).")
    Integer trainImages;

    @Option(names = "--validation-images", paramLabel = "N",
            description = "Real training: held-out images from the training split that "
                    + "score each trial (default: 1000).")
    Integer validationImages;

    @Option(names = "--learning-rate", paramLabel = "X",
            description = "Real training: initial SGD learning rate, decayed to 0 along a "
                    + "cosine (default: 0.1); graphs and text train with Adam at a constant "
                    + "rate, default 0.01 and 0.003.")
    Float learningRate;

    /** Returns the given options by name, such as {@code --epochs -> 1}, in a fixed order. */
    public Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        putIfGiven(given, "--epochs", epochs);
        putIfGiven(given, "--batch-size", batchSize);
        putIfGiven(given, "--train-images", trainImages);
        putIfGiven(given, "--validation-images", validationImages);
        putIfGiven(given, "--learning-rate", learningRate);
        return given;
    }

    private static void putIfGiven(Map<String, Object> given, String option, Object value) {
        if (value != null) {
            given.put(option, value);
        }
    }

    /**
     * Applies the given options to {@code spec}: a training spec gets them over the
     * standard values; a tabular spec takes none.
     *
     * @throws UsageException when an option is given for the NAS-Bench-201 benchmark or a
     *     value is invalid
     */
    DatasetSpec applyTo(DatasetSpec spec) {
        return applyTo(spec, TrainingSettings.standard());
    }

    /**
     * Applies the given options to {@code spec} as {@link #applyTo(DatasetSpec)} does, over
     * {@code base} in place of the standard values.
     *
     * @throws UsageException when an option is given for the NAS-Bench-201 benchmark or a
     *     value is invalid
     */
    DatasetSpec applyTo(DatasetSpec spec, TrainingSettings base) {
        if (spec instanceof DatasetSpec.Training training) {
            return training.withSettings(settings(base));
        }
        if (spec instanceof DatasetSpec.Domain) {
            // A domain read the training options it accepts when it parsed the data set.
            return spec;
        }
        rejectForBenchmark("--dataset " + spec.label());
        return spec;
    }

    /**
     * Rejects every given option, because the benchmark evaluator that {@code usedBy}
     * describes does not train.
     *
     * @throws UsageException when any option is given
     */
    void rejectForBenchmark(String usedBy) {
        Map<String, Object> given = given();
        if (given.isEmpty()) {
            return;
        }
        Map.Entry<String, Object> first = given.entrySet().iterator().next();
        throw new UsageException(first.getKey() + " " + first.getValue()
                + " applies only to real training, not to the nb201 benchmark (" + usedBy
                + "), which looks trained results up; drop the training options "
                + given.keySet());
    }

    private TrainingSettings settings(TrainingSettings base) {
        try {
            return new TrainingSettings(
                    epochs != null ? epochs : base.epochs(),
                    batchSize != null ? batchSize : base.batchSize(),
                    trainImages != null ? trainImages : base.trainImages(),
                    validationImages != null ? validationImages : base.validationImages(),
                    learningRate != null ? learningRate : base.learningRate());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
