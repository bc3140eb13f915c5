package io.archforge.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The ranges of the numeric recipe settings that {@link RecipeSpace} searches, each
 * checked when it is set.
 *
 * <p>Defaults, chosen for Fashion-MNIST networks trained for a few epochs on a CPU:
 * <ul>
 *   <li>{@code learning_rate}: 0.001 to 0.3, log scale, which spans good Adam rates at
 *       the low end and good SGD rates (with momentum 0.9) at the high end;</li>
 *   <li>{@code weight_decay}: 1e-6 to 0.01, log scale;</li>
 *   <li>{@code batch_size}: 32 to 256, the powers of two in between;</li>
 *   <li>{@code epochs}: 1 to 3, the epochs of the standard fixed recipe;</li>
 *   <li>{@code dropout}: 0 to 0.5, linear scale.</li>
 * </ul>
 * A range written as text is {@code NAME=LOW:HIGH}, and a study stores each range it
 * changed under the key {@code recipe_range.NAME} ({@link #OPTION_PREFIX}).
 *
 * @param ranges one range per {@link Setting}
 */
public record RecipeRanges(Map<Setting, Range> ranges) {

    /** The prefix of the evaluator options that store changed ranges. */
    public static final String OPTION_PREFIX = "recipe_range.";

    // NOTE: one learning-rate range serves every optimizer, so the search must learn that
    // Adam wants its low end and SGD its high end. Such mismatched pairs were most of the
    // joint trials below 20% accuracy on Fashion-MNIST.
    private static final RecipeRanges DEFAULTS = new RecipeRanges(Map.of(
            Setting.LEARNING_RATE, new Range(0.001, 0.3),
            Setting.WEIGHT_DECAY, new Range(1e-6, 0.01),
            Setting.BATCH_SIZE, new Range(32, 256),
            Setting.EPOCHS, new Range(1, 3),
            Setting.DROPOUT, new Range(0, 0.5)));

    /**
     * Checks that every setting has a valid range.
     *
     * @throws IllegalArgumentException naming the missing or invalid range
     */
    public RecipeRanges {
        EnumMap<Setting, Range> copy = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            Range range = ranges.get(setting);
            if (range == null) {
                throw new IllegalArgumentException("recipe range of '" + setting.key()
                        + "' is missing");
            }
            setting.check(range);
            copy.put(setting, range);
        }
        ranges = Map.copyOf(copy);
    }

    /** Returns the default ranges. */
    public static RecipeRanges defaults() {
        return DEFAULTS;
    }

    /** Returns the range of {@code setting}. */
    public Range range(Setting setting) {
        return ranges.get(setting);
    }

    /**
     * Returns these ranges with {@code range} for {@code setting}.
     *
     * @throws IllegalArgumentException when the range is invalid for the setting
     */
    public RecipeRanges with(Setting setting, Range range) {
        Map<Setting, Range> changed = new EnumMap<>(ranges);
        changed.put(setting, range);
        return new RecipeRanges(changed);
    }

    /**
     * Returns these ranges with the range that {@code assignment} writes, such as
     * {@code learning_rate=0.001:0.3}.
     *
     * @throws IllegalArgumentException naming the bad part of the text and the fix
     */
    public RecipeRanges with(String assignment) {
        Assignment parsed = Assignment.parse(assignment);
        return with(parsed.setting(), parsed.range());
    }

    /**
     * Returns these ranges with the changed ranges stored in {@code evaluatorOptions}
     * under {@link #OPTION_PREFIX}; other keys are ignored.
     *
     * @throws IllegalArgumentException when a stored range is invalid
     */
    public RecipeRanges withOptions(Map<String, String> evaluatorOptions) {
        RecipeRanges result = this;
        for (Map.Entry<String, String> entry : evaluatorOptions.entrySet()) {
            if (entry.getKey().startsWith(OPTION_PREFIX)) {
                String name = entry.getKey().substring(OPTION_PREFIX.length());
                result = result.with(name + "=" + entry.getValue());
            }
        }
        return result;
    }

    /**
     * Checks each {@code NAME=LOW:HIGH} text and returns the evaluator options that store
     * them, {@code recipe_range.NAME} to {@code LOW:HIGH} in the order given.
     *
     * @throws IllegalArgumentException naming the first bad text, or a setting given twice
     */
    public static Map<String, String> options(List<String> assignments) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String text : assignments) {
            Assignment parsed = Assignment.parse(text);
            parsed.setting().check(parsed.range());
            String key = OPTION_PREFIX + parsed.setting().key();
            if (options.containsKey(key)) {
                throw new IllegalArgumentException("the range of '" + parsed.setting().key()
                        + "' is given twice; give each setting once");
            }
            options.put(key, parsed.setting().format(parsed.range()));
        }
        return options;
    }

    /**
     * A closed interval.
     *
     * @param low the smallest value
     * @param high the largest value, not below {@code low}
     */
    public record Range(double low, double high) {

        /**
         * Checks the bounds.
         *
         * @throws IllegalArgumentException when a bound is not finite or low is above high
         */
        public Range {
            if (!Double.isFinite(low) || !Double.isFinite(high)) {
                throw new IllegalArgumentException("range bounds must be finite numbers, got "
                        + low + " and " + high);
            }
            if (low > high) {
                throw new IllegalArgumentException("low " + low + " is above high " + high
                        + "; write the smaller bound first, as LOW:HIGH");
            }
        }

        /** Returns the powers of two from {@link #low} to {@link #high}, ascending. */
        public List<Integer> powersOfTwo() {
            List<Integer> powers = new ArrayList<>();
            for (long power = 1; power <= high && power <= 1 << 30; power *= 2) {
                if (power >= low) {
                    powers.add((int) power);
                }
            }
            return powers;
        }
    }

    /** The numeric recipe settings that take a range. */
    public enum Setting {
        /** The initial learning rate, searched on a log scale. */
        LEARNING_RATE,
        /** The weight decay, searched on a log scale. */
        WEIGHT_DECAY,
        /** The batch size, searched among the powers of two in the range. */
        BATCH_SIZE,
        /** The training epochs, an integer range. */
        EPOCHS,
        /** The dropout rate, searched on a linear scale. */
        DROPOUT;

        /** Returns the name in {@code NAME=LOW:HIGH}, such as {@code learning_rate}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Returns the names of all settings, in declaration order. */
        public static List<String> keys() {
            return Arrays.stream(values()).map(Setting::key).toList();
        }

        /**
         * Looks a setting up by its name.
         *
         * @throws IllegalArgumentException naming the valid names, and saying so when the
         *     name is a recipe choice without a range
         */
        public static Setting of(String key) {
            for (Setting setting : values()) {
                if (setting.key().equals(key)) {
                    return setting;
                }
            }
            if (key.equals(RecipeSpace.OPTIMIZER) || key.equals(RecipeSpace.AUGMENTATION)) {
                throw new IllegalArgumentException("recipe setting '" + key + "' is a list of"
                        + " options and takes no range; ranges apply to " + keys());
            }
            throw new IllegalArgumentException("unknown recipe setting '" + key
                    + "'; ranges apply to " + keys());
        }

        /** Returns whether the setting takes whole numbers only. */
        public boolean integral() {
            return this == BATCH_SIZE || this == EPOCHS;
        }

        /**
         * Checks that {@code range} suits this setting.
         *
         * @throws IllegalArgumentException naming the setting, the bound and the rule
         */
        void check(Range range) {
            Objects.requireNonNull(range, "range");
            if (integral() && (range.low() != Math.rint(range.low())
                    || range.high() != Math.rint(range.high()))) {
                throw invalid(range, "it takes integers only, such as 1:5");
            }
            switch (this) {
                case LEARNING_RATE, WEIGHT_DECAY -> {
                    if (range.low() <= 0) {
                        throw invalid(range, "it is searched on a log scale, so LOW must be"
                                + " above 0, such as 1e-6");
                    }
                }
                case BATCH_SIZE -> {
                    if (range.low() < 1 || range.powersOfTwo().isEmpty()) {
                        throw invalid(range, "it needs a power of two, such as 32 or 64,"
                                + " between LOW and HIGH, and LOW of 1 or more");
                    }
                }
                case EPOCHS -> {
                    if (range.low() < 1) {
                        throw invalid(range, "LOW must be 1 or more");
                    }
                }
                case DROPOUT -> {
                    if (range.low() < 0 || range.high() >= 1) {
                        throw invalid(range, "a dropout rate is at least 0 and below 1");
                    }
                }
                default -> throw new IllegalStateException("no rule for " + this);
            }
        }

        /** Writes a range as {@code LOW:HIGH}, whole numbers without a decimal point. */
        String format(Range range) {
            if (integral()) {
                return (long) range.low() + ":" + (long) range.high();
            }
            return range.low() + ":" + range.high();
        }

        private IllegalArgumentException invalid(Range range, String rule) {
            return new IllegalArgumentException("invalid range " + bound(range.low()) + ":"
                    + bound(range.high()) + " of '" + key() + "': " + rule);
        }

        /** Writes a bound in full, a whole number without a decimal point. */
        private static String bound(double value) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return Double.toString(value);
        }
    }

    /** One parsed {@code NAME=LOW:HIGH} text. */
    private record Assignment(Setting setting, Range range) {

        static Assignment parse(String text) {
            Objects.requireNonNull(text, "text");
            int equals = text.indexOf('=');
            int colon = text.indexOf(':', equals + 1);
            if (equals < 0 || colon < 0) {
                throw new IllegalArgumentException("'" + text + "' is not of the form"
                        + " NAME=LOW:HIGH, such as learning_rate=0.001:0.3");
            }
            Setting setting = Setting.of(text.substring(0, equals).strip());
            double low = number(text.substring(equals + 1, colon), setting);
            double high = number(text.substring(colon + 1), setting);
            return new Assignment(setting, new Range(low, high));
        }

        private static double number(String text, Setting setting) {
            try {
                double value = Double.parseDouble(text.strip());
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // Reported below with the setting's name.
            }
            throw new IllegalArgumentException("bound '" + text.strip() + "' of '"
                    + setting.key() + "' is not a finite number");
        }
    }
}
