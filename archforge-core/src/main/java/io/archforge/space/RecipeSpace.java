package io.archforge.space;

import io.archforge.space.Hyperparameters.Augmentation;
import io.archforge.space.Hyperparameters.Optimizer;
import io.archforge.space.RecipeRanges.Range;
import io.archforge.space.RecipeRanges.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The joint space of a macro architecture and its training recipe, named
 * {@value #NAME}: the fifteen choices of {@link MacroSpace}, then the recipe choices
 * <ul>
 *   <li>{@code recipe.learning_rate}: real, log scale;</li>
 *   <li>{@code recipe.weight_decay}: real, log scale;</li>
 *   <li>{@code recipe.batch_size}: categorical, the powers of two of its range;</li>
 *   <li>{@code recipe.epochs}: integer, left out when a multi-fidelity scheduler sets
 *       the epochs;</li>
 *   <li>{@code recipe.optimizer}: {@code sgd}, {@code adam} or {@code adamw};</li>
 *   <li>{@code recipe.augmentation}: {@code none}, {@code shift}, {@code flip} or
 *       {@code both};</li>
 *   <li>{@code recipe.dropout}: real, linear scale.</li>
 * </ul>
 * The numeric ranges come from {@link RecipeRanges}. Every space of this name writes
 * its architectures in the same {@code name=value} form, so {@link #split} reads any of
 * them whatever its ranges.
 */
public final class RecipeSpace {

    /** The space name. */
    public static final String NAME = "macro+recipe";
    /** The prefix of every recipe choice name. */
    public static final String PREFIX = "recipe.";
    /** The setting name of the optimizer choice. */
    public static final String OPTIMIZER = "optimizer";
    /** The setting name of the augmentation choice. */
    public static final String AUGMENTATION = "augmentation";

    /** The evaluator option with a study's most epochs per trial. */
    static final String EPOCHS_OPTION = "epochs";
    /** The maximum epochs per trial of a study that stores none. */
    static final int DEFAULT_EPOCHS = 3;

    private static final ChoiceSpace DEFAULT = create(RecipeRanges.defaults(), true);

    private RecipeSpace() {
    }

    /** Returns the space with the default ranges and an epochs choice. */
    public static ChoiceSpace create() {
        return DEFAULT;
    }

    /**
     * Builds the space over {@code ranges}.
     *
     * @param searchEpochs whether the recipe chooses its epochs; false when a
     *     multi-fidelity scheduler sets them
     */
    public static ChoiceSpace create(RecipeRanges ranges, boolean searchEpochs) {
        Objects.requireNonNull(ranges, "ranges");
        List<Choice> choices = new ArrayList<>(MacroSpace.create().choices());
        choices.add(logRange(ranges, Setting.LEARNING_RATE));
        choices.add(logRange(ranges, Setting.WEIGHT_DECAY));
        List<String> batches = ranges.range(Setting.BATCH_SIZE).powersOfTwo().stream()
                .map(String::valueOf).toList();
        choices.add(new Choice.Categorical(choiceName(Setting.BATCH_SIZE), batches));
        if (searchEpochs) {
            Range epochs = ranges.range(Setting.EPOCHS);
            choices.add(new Choice.IntRange(choiceName(Setting.EPOCHS), (int) epochs.low(),
                    (int) epochs.high(), 1));
        }
        choices.add(new Choice.Categorical(PREFIX + OPTIMIZER, Optimizer.keys()));
        choices.add(new Choice.Categorical(PREFIX + AUGMENTATION, Augmentation.keys()));
        Range dropout = ranges.range(Setting.DROPOUT);
        choices.add(new Choice.FloatRange(choiceName(Setting.DROPOUT), dropout.low(),
                dropout.high(), false));
        return new ChoiceSpace(NAME, choices);
    }

    /**
     * Builds the space a study stored with these evaluator options: the default ranges
     * with epochs from 1 to the stored {@code epochs} (3 when absent), changed by the
     * ranges stored under {@value RecipeRanges#OPTION_PREFIX}.
     *
     * @param searchEpochs false when the study has a multi-fidelity scheduler, which
     *     sets the epochs
     * @throws IllegalArgumentException when a stored range or the stored epochs are invalid
     */
    public static ChoiceSpace fromOptions(Map<String, String> options, boolean searchEpochs) {
        String text = options.getOrDefault(EPOCHS_OPTION, Integer.toString(DEFAULT_EPOCHS));
        int epochs;
        try {
            epochs = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stored " + EPOCHS_OPTION + " '" + text
                    + "' is not an integer", e);
        }
        RecipeRanges ranges = RecipeRanges.defaults()
                .with(Setting.EPOCHS, new Range(1, epochs))
                .withOptions(options);
        return create(ranges, searchEpochs);
    }

    /** Returns the choice name of a numeric setting, such as {@code recipe.learning_rate}. */
    public static String choiceName(Setting setting) {
        return PREFIX + setting.key();
    }

    private static Choice logRange(RecipeRanges ranges, Setting setting) {
        Range range = ranges.range(setting);
        return new Choice.FloatRange(choiceName(setting), range.low(), range.high(), true);
    }

    /**
     * Splits a {@value #NAME} architecture into its macro architecture and its recipe.
     *
     * @throws IllegalArgumentException when the architecture is of another space or
     *     lacks a recipe choice
     */
    public static Split split(Architecture joint) {
        Objects.requireNonNull(joint, "joint");
        if (!joint.space().equals(NAME)) {
            throw new IllegalArgumentException("architecture '" + joint.text()
                    + "' is of space '" + joint.space() + "', not '" + NAME + "'");
        }
        Architecture macro = MacroSpace.create().parse(macroText(joint.text()));
        RecipeText recipe = RecipeText.of(joint.text());
        OptionalInt epochs = recipe.has(Setting.EPOCHS.key())
                ? OptionalInt.of(Integer.parseInt(recipe.value(Setting.EPOCHS.key())))
                : OptionalInt.empty();
        Hyperparameters hyperparameters = new Hyperparameters(
                Double.parseDouble(recipe.value(Setting.LEARNING_RATE.key())),
                Double.parseDouble(recipe.value(Setting.WEIGHT_DECAY.key())),
                Integer.parseInt(recipe.value(Setting.BATCH_SIZE.key())),
                epochs,
                Optimizer.of(recipe.value(OPTIMIZER)),
                Augmentation.of(recipe.value(AUGMENTATION)),
                Double.parseDouble(recipe.value(Setting.DROPOUT.key())));
        return new Split(macro, hyperparameters);
    }

    /**
     * Drops the {@code recipe.} pairs from the string form of an architecture, which
     * leaves the macro architecture of a {@value #NAME} one and any other text unchanged.
     */
    public static String macroText(String text) {
        Objects.requireNonNull(text, "text");
        List<String> macroPairs = new ArrayList<>();
        for (String pair : text.split(",", -1)) {
            if (!pair.strip().startsWith(PREFIX)) {
                macroPairs.add(pair);
            }
        }
        return String.join(",", macroPairs);
    }

    /**
     * A {@value #NAME} architecture split in two.
     *
     * @param macro the architecture of the {@code macro} space that fixes the network
     * @param hyperparameters the recipe that trains it
     */
    public record Split(Architecture macro, Hyperparameters hyperparameters) {
        public Split {
            Objects.requireNonNull(macro, "macro");
            Objects.requireNonNull(hyperparameters, "hyperparameters");
        }
    }

    /** The {@code recipe.} pairs of an architecture's string form, by setting name. */
    private record RecipeText(String text, Map<String, String> values) {

        static RecipeText of(String text) {
            Map<String, String> values = new HashMap<>();
            for (String pair : text.split(",", -1)) {
                int equals = pair.indexOf('=');
                String key = pair.substring(0, Math.max(equals, 0)).strip();
                if (equals > 0 && key.startsWith(PREFIX)) {
                    values.put(key.substring(PREFIX.length()), pair.substring(equals + 1).strip());
                }
            }
            return new RecipeText(text, values);
        }

        boolean has(String setting) {
            return values.containsKey(setting);
        }

        String value(String setting) {
            String value = values.get(setting);
            if (value == null) {
                throw new IllegalArgumentException("architecture '" + text + "' lacks the"
                        + " choice '" + PREFIX + setting + "'");
            }
            return value;
        }
    }
}
