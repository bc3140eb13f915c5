package io.archforge.app.domain.text;

import io.archforge.torch.text.CharTrainingSettings;
import io.archforge.torch.text.TextCorpora;
import io.archforge.torch.text.TextCorpus;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored set-up of a {@code text} study: the data set as the command line names it,
 * the file of a {@code text:FILE} data set, and the training settings.
 *
 * @param dataset {@value TextCorpora#JARGON} or {@code text:FILE}
 * @param file the absolute path of a {@code text:FILE} data set, empty for the Jargon File
 * @param training how each trial trains
 */
record TextSettings(String dataset, Optional<Path> file, CharTrainingSettings training) {

    /** The prefix of a data set read from a text file. */
    static final String PREFIX = "text:";

    static final String DATASET = "dataset";
    static final String FILE = "file";
    static final String EPOCHS = "epochs";
    static final String STEPS_PER_EPOCH = "steps_per_epoch";
    static final String BATCH_SIZE = "batch_size";
    static final String CONTEXT = "context";
    static final String LEARNING_RATE = "learning_rate";

    TextSettings {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(training, "training");
    }

    /** Returns the evaluator options that {@link #fromOptions} reads back. */
    Map<String, String> toOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(DATASET, dataset);
        file.ifPresent(path -> options.put(FILE, path.toString()));
        options.put(EPOCHS, Integer.toString(training.epochs()));
        options.put(STEPS_PER_EPOCH, Integer.toString(training.stepsPerEpoch()));
        options.put(BATCH_SIZE, Integer.toString(training.batchSize()));
        options.put(CONTEXT, Integer.toString(training.context()));
        options.put(LEARNING_RATE, Float.toString(training.learningRate()));
        return options;
    }

    /**
     * Reads stored evaluator options; settings a study lacks take their defaults.
     *
     * @throws IllegalArgumentException naming the option when a stored value is invalid
     */
    static TextSettings fromOptions(Map<String, String> options) {
        String dataset = options.get(DATASET);
        if (dataset == null) {
            throw new IllegalArgumentException("the stored options lack '" + DATASET + "'");
        }
        CharTrainingSettings defaults = CharTrainingSettings.defaults();
        CharTrainingSettings training = new CharTrainingSettings(
                integer(options, EPOCHS, defaults.epochs()),
                integer(options, STEPS_PER_EPOCH, defaults.stepsPerEpoch()),
                integer(options, BATCH_SIZE, defaults.batchSize()),
                integer(options, CONTEXT, defaults.context()),
                real(options, LEARNING_RATE, defaults.learningRate()));
        return new TextSettings(dataset, Optional.ofNullable(options.get(FILE)).map(Path::of),
                training);
    }

    private static int integer(Map<String, String> options, String key, int fallback) {
        String text = options.get(key);
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stored option " + key + " '" + text
                    + "' is not an integer", e);
        }
    }

    private static float real(Map<String, String> options, String key, float fallback) {
        String text = options.get(key);
        try {
            return text == null ? fallback : Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stored option " + key + " '" + text
                    + "' is not a number", e);
        }
    }

    /**
     * Reads the text this data set names.
     *
     * @throws io.archforge.torch.text.TextDataException when the file is missing, not UTF-8
     *     or too short for the context
     */
    TextCorpus corpus() {
        TextCorpus corpus = file.map(path -> TextCorpora.file(dataset, path))
                .orElseGet(TextCorpora::jargon);
        return corpus.requireWindows(training.context());
    }
}
