package io.archforge.app.cli;

import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.TrainingSettings;
import io.archforge.space.MacroSpace;
import io.archforge.space.RecipeRanges;
import io.archforge.space.RecipeSpace;
import io.archforge.study.StudyConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code --tune-recipe} and {@code --recipe-range} options of {@code archforge
 * search}. Tuning the recipe searches the {@value RecipeSpace#NAME} space, as
 * {@code --space macro+recipe} does, and stores each given range with the study's
 * evaluator options under {@value RecipeRanges#OPTION_PREFIX}; {@code StudySpaces}
 * rebuilds the space from them.
 */
final class RecipeTuning {

    private RecipeTuning() {
    }

    /** Returns whether the options ask to search the training recipe. */
    static boolean requested(SearchOptions options) {
        return Boolean.TRUE.equals(options.tuneRecipe)
                || RecipeSpace.NAME.equals(options.space);
    }

    /**
     * Returns the option that requested the recipe search, as the user wrote it: {@code
     * --tune-recipe}, or {@code --space macro+recipe} when only that was given.
     */
    static String requestedBy(SearchOptions options) {
        return Boolean.TRUE.equals(options.tuneRecipe) ? "--tune-recipe"
                : "--space " + RecipeSpace.NAME;
    }

    /**
     * Returns the standard training settings that a new study's fixed recipe starts from.
     * When the recipe is tuned, each trial takes its batch size from the recipe, so the
     * standard batch size is kept when it fits {@code --train-images} and the recipe's
     * smallest batch size replaces it otherwise.
     *
     * @throws UsageException when even the smallest batch size of the recipe range is
     *     above {@code --train-images}
     */
    static TrainingSettings baseSettings(SearchOptions options) {
        TrainingSettings standard = TrainingSettings.standard();
        Integer images = options.training.trainImages;
        if (!requested(options) || images == null || images < 1
                || images >= standard.batchSize()) {
            return standard;
        }
        RecipeRanges.Range range = batchRange(evaluatorOptions(options));
        int smallest = range.powersOfTwo().get(0);
        if (smallest > images) {
            String given = (long) range.low() + ":" + (long) range.high();
            int fitting = Integer.highestOneBit(images);
            throw new UsageException("--train-images " + images + " is smaller than batch"
                    + " size " + smallest + ", the smallest in --recipe-range batch_size="
                    + given + ": an epoch trains on whole batches only; lower the range,"
                    + " such as --recipe-range batch_size=" + fitting + ":" + fitting
                    + ", or raise --train-images");
        }
        return new TrainingSettings(standard.epochs(), smallest, standard.trainImages(),
                standard.validationImages(), standard.learningRate());
    }

    /**
     * Checks the recipe options against the others, before anything is stored.
     *
     * @param spec the data set of a new study, or empty when the options resume one
     * @throws UsageException naming the bad value and the fix
     */
    static void validate(SearchOptions options, Optional<DatasetSpec> spec) {
        List<String> ranges = given(options);
        boolean tuning = requested(options);
        if (!tuning) {
            if (!ranges.isEmpty()) {
                throw new UsageException("--recipe-range " + ranges.get(0) + " needs"
                        + " --tune-recipe, which searches the training recipe; add"
                        + " --tune-recipe or drop --recipe-range");
            }
            return;
        }
        if (options.benchmark != null
                || spec.filter(DatasetSpec.Tabular.class::isInstance).isPresent()) {
            String option = requestedBy(options);
            throw new UsageException(option + " applies to real training only: the"
                    + " nb201 benchmark's tables hold the results of one fixed training"
                    + " recipe; drop " + option + ", or train for real with --dataset"
                    + " fashion-mnist");
        }
        if (spec.filter(DatasetSpec.Domain.class::isInstance).isPresent()) {
            String option = requestedBy(options);
            throw new UsageException(option + " searches the training recipe of image"
                    + " classification with the macro space, not of --dataset "
                    + options.dataset + "; drop " + option);
        }
        if (options.space != null && !options.space.equals(MacroSpace.NAME)
                && !options.space.equals(RecipeSpace.NAME)) {
            throw new UsageException("--tune-recipe searches the macro space together with"
                    + " the training recipe, not --space " + options.space + "; drop --space"
                    + " or use --space macro");
        }
        rejectSearchedSetting(options, "--learning-rate", options.training.learningRate,
                "learning_rate=0.001:0.3");
        rejectSearchedSetting(options, "--batch-size", options.training.batchSize,
                "batch_size=32:256");
        Map<String, String> stored = evaluatorOptions(options);
        String epochsKey = RecipeRanges.OPTION_PREFIX + RecipeRanges.Setting.EPOCHS.key();
        if (options.scheduler != null && stored.containsKey(epochsKey)) {
            throw new UsageException("--recipe-range epochs=" + stored.get(epochsKey)
                    + " does not apply with --scheduler " + options.scheduler + ", which"
                    + " sets the epochs of each trial; drop it and give the maximum epochs"
                    + " with --epochs");
        }
        spec.filter(DatasetSpec.Training.class::isInstance)
                .map(DatasetSpec.Training.class::cast)
                .ifPresent(training -> requireBatchesFit(options, stored, training));
    }

    /**
     * Returns the evaluator options that store the given ranges, {@code
     * recipe_range.NAME} to {@code LOW:HIGH}; none without {@code --tune-recipe}.
     *
     * @throws UsageException naming the first invalid range and the fix
     */
    static Map<String, String> evaluatorOptions(SearchOptions options) {
        if (!requested(options)) {
            return Map.of();
        }
        List<String> ranges = given(options);
        for (String range : ranges) {
            try {
                RecipeRanges.options(List.of(range));
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid --recipe-range '" + range + "': "
                        + e.getMessage());
            }
        }
        try {
            return RecipeRanges.options(ranges);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --recipe-range " + ranges + ": "
                    + e.getMessage());
        }
    }

    /** Returns the space of a new study: the recipe space when tuning, else as given. */
    static String space(SearchOptions options, DatasetSpec spec) {
        if (requested(options)) {
            return RecipeSpace.NAME;
        }
        return options.space != null ? options.space : spec.defaultSpace();
    }

    /**
     * Checks the recipe options given to resume {@code stored}.
     *
     * @throws UsageException when they disagree with the stored study
     */
    static void checkStored(StudyConfig stored, SearchOptions options) {
        if (!requested(options)) {
            return;
        }
        if (!stored.space().equals(RecipeSpace.NAME)) {
            String option = requestedBy(options);
            throw new UsageException(option + " conflicts with study '" + stored.name()
                    + "', which searches space " + stored.space() + " with a fixed recipe;"
                    + " drop " + option + " to resume it, or pick another --study name");
        }
        if (options.recipeRanges == null) {
            return;
        }
        Map<String, String> given = new TreeMap<>(evaluatorOptions(options));
        Map<String, String> storedRanges = new TreeMap<>();
        stored.evaluatorOptions().forEach((key, value) -> {
            if (key.startsWith(RecipeRanges.OPTION_PREFIX)) {
                storedRanges.put(key, value);
            }
        });
        if (!given.equals(storedRanges)) {
            throw new UsageException("--recipe-range " + options.recipeRanges
                    + " conflicts with study '" + stored.name() + "', which was created with "
                    + (storedRanges.isEmpty() ? "the default ranges" : storedRanges)
                    + "; drop --recipe-range to resume the study, or pick another --study"
                    + " name");
        }
    }

    private static List<String> given(SearchOptions options) {
        return options.recipeRanges == null ? List.of() : options.recipeRanges;
    }

    private static void rejectSearchedSetting(SearchOptions options, String option,
            Object value, String range) {
        if (value != null) {
            throw new UsageException(option + " " + value + " conflicts with "
                    + requestedBy(options) + ","
                    + " which searches that setting; drop " + option + " and set its range"
                    + " with --recipe-range " + range + " instead");
        }
    }

    /** Checks that every batch size of the range fits the training images. */
    private static void requireBatchesFit(SearchOptions options, Map<String, String> stored,
            DatasetSpec.Training training) {
        List<Integer> batches = batchRange(stored).powersOfTwo();
        int largest = batches.get(batches.size() - 1);
        int images = training.settings().trainImages();
        if (largest > images) {
            throw new UsageException(requestedBy(options) + " would try batch size " + largest
                    + ", above the " + images + " training images (--train-images); raise"
                    + " --train-images or narrow the range with --recipe-range batch_size="
                    + Math.min(batches.get(0), Integer.highestOneBit(images)) + ":"
                    + Integer.highestOneBit(images));
        }
    }

    /** Returns the batch-size range that the stored recipe ranges give. */
    private static RecipeRanges.Range batchRange(Map<String, String> stored) {
        return RecipeRanges.defaults().withOptions(stored)
                .range(RecipeRanges.Setting.BATCH_SIZE);
    }
}
