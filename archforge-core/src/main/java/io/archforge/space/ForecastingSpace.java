package io.archforge.space;

import io.archforge.space.RecipeRanges.Setting;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The joint space of a univariate forecasting network and its training recipe, named
 * {@value #NAME}. Its choices, in gene order:
 * <ul>
 *   <li>{@code block}: the sequence block, {@code mlp} (fully connected layers over the
 *       whole window), {@code gru}, {@code lstm}, {@code tcn} (dilated causal
 *       convolutions with residual connections, as in Bai, Kolter and Koltun, "An
 *       Empirical Evaluation of Generic Convolutional and Recurrent Networks for Sequence
 *       Modeling", 2018) or {@code attention} (a small transformer encoder);</li>
 *   <li>{@code hidden}: the width of every layer, 16, 32 or 64;</li>
 *   <li>{@code depth}: the number of layers of the block, 1 to 3;</li>
 *   <li>{@code normalization}: {@code none}, or {@code revin}, which standardises each
 *       input window by its own mean and standard deviation and undoes that on the
 *       forecast (Kim et al., "Reversible Instance Normalization for Accurate Time-Series
 *       Forecasting against Distribution Shift", ICLR 2022);</li>
 *   <li>{@code lookback}: the part of the evaluator's lookback window that the network
 *       reads, {@code quarter}, {@code half} or {@code full}; the forecast horizon is the
 *       same for every candidate, so their validation errors compare fairly;</li>
 *   <li>{@code recipe.learning_rate}: real, log scale from 3e-4 to 3e-2, because a
 *       trial takes a few hundred steps at most;</li>
 *   <li>{@code recipe.weight_decay}: real, log scale from 1e-6 to 1e-2;</li>
 *   <li>{@code recipe.batch_size}: 32, 64 or 128;</li>
 *   <li>{@code recipe.dropout}: real, linear scale from 0 to 0.3.</li>
 * </ul>
 * The string form is that of every {@link ChoiceSpace}, such as {@code block=gru,
 * hidden=64,depth=2,normalization=revin,lookback=full,recipe.learning_rate=0.001,...}.
 */
public final class ForecastingSpace {

    /** The space name. */
    public static final String NAME = "forecasting";
    /** The name of the block-type choice. */
    public static final String BLOCK = "block";
    /** The name of the layer-width choice. */
    public static final String HIDDEN = "hidden";
    /** The name of the layer-count choice. */
    public static final String DEPTH = "depth";
    /** The name of the input-normalisation choice. */
    public static final String NORMALIZATION = "normalization";
    /** The name of the lookback-fraction choice. */
    public static final String LOOKBACK = "lookback";

    /** The layer widths, in option order. */
    public static final List<Integer> HIDDEN_SIZES = List.of(16, 32, 64);
    /** The batch sizes, in option order. */
    public static final List<Integer> BATCH_SIZES = List.of(32, 64, 128);
    /** The minimum number of layers. */
    public static final int MIN_DEPTH = 1;
    /** The maximum number of layers. */
    public static final int MAX_DEPTH = 3;

    private static final double MIN_LEARNING_RATE = 3e-4;
    private static final double MAX_LEARNING_RATE = 3e-2;
    private static final double MIN_WEIGHT_DECAY = 1e-6;
    private static final double MAX_WEIGHT_DECAY = 1e-2;
    private static final double MAX_DROPOUT = 0.3;

    private static final ChoiceSpace SPACE = build();

    private ForecastingSpace() {
    }

    /** Returns the space; every call returns an equal space. */
    public static ChoiceSpace create() {
        return SPACE;
    }

    private static ChoiceSpace build() {
        return new ChoiceSpace(NAME, List.of(
                new Choice.Categorical(BLOCK, BlockType.keys()),
                new Choice.Categorical(HIDDEN, names(HIDDEN_SIZES)),
                new Choice.IntRange(DEPTH, MIN_DEPTH, MAX_DEPTH, 1),
                new Choice.Categorical(NORMALIZATION, Normalization.keys()),
                new Choice.Categorical(LOOKBACK, LookbackFraction.keys()),
                new Choice.FloatRange(RecipeSpace.choiceName(Setting.LEARNING_RATE),
                        MIN_LEARNING_RATE, MAX_LEARNING_RATE, true),
                new Choice.FloatRange(RecipeSpace.choiceName(Setting.WEIGHT_DECAY),
                        MIN_WEIGHT_DECAY, MAX_WEIGHT_DECAY, true),
                new Choice.Categorical(RecipeSpace.choiceName(Setting.BATCH_SIZE),
                        names(BATCH_SIZES)),
                new Choice.FloatRange(RecipeSpace.choiceName(Setting.DROPOUT), 0,
                        MAX_DROPOUT, false)));
    }

    private static List<String> names(List<Integer> values) {
        return values.stream().map(String::valueOf).toList();
    }

    /**
     * Reads the network and recipe that an architecture of this space selects.
     *
     * @throws IllegalArgumentException when the architecture is of another space
     */
    public static Design design(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(NAME)) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is of space '" + architecture.space() + "', not '" + NAME + "'");
        }
        return new Design(
                BlockType.of(SPACE.option(architecture, BLOCK)),
                Integer.parseInt(SPACE.option(architecture, HIDDEN)),
                SPACE.intValue(architecture, DEPTH),
                Normalization.of(SPACE.option(architecture, NORMALIZATION)),
                LookbackFraction.of(SPACE.option(architecture, LOOKBACK)),
                SPACE.doubleValue(architecture, RecipeSpace.choiceName(Setting.LEARNING_RATE)),
                SPACE.doubleValue(architecture, RecipeSpace.choiceName(Setting.WEIGHT_DECAY)),
                Integer.parseInt(SPACE.option(architecture,
                        RecipeSpace.choiceName(Setting.BATCH_SIZE))),
                SPACE.doubleValue(architecture, RecipeSpace.choiceName(Setting.DROPOUT)));
    }

    /**
     * Returns the architecture of this space that selects {@code design}.
     *
     * @throws IllegalArgumentException when a value lies outside its choice
     */
    public static Architecture of(Design design) {
        Objects.requireNonNull(design, "design");
        return SPACE.of(List.of(
                design.block().ordinal(),
                optionIndex(HIDDEN, HIDDEN_SIZES, design.hidden()),
                design.depth(),
                design.normalization().ordinal(),
                design.lookback().ordinal(),
                design.learningRate(),
                design.weightDecay(),
                optionIndex(Setting.BATCH_SIZE.key(), BATCH_SIZES, design.batchSize()),
                design.dropout()));
    }

    private static int optionIndex(String choice, List<Integer> options, int value) {
        int index = options.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException("invalid " + choice + " " + value
                    + "; valid values are " + options);
        }
        return index;
    }

    /**
     * The network and recipe of one architecture of the space.
     *
     * @param block the sequence block
     * @param hidden the width of every layer
     * @param depth the number of layers of the block
     * @param normalization the per-window input normalisation
     * @param lookback the part of the lookback window the network reads
     * @param learningRate the initial learning rate of AdamW
     * @param weightDecay the decoupled weight decay of AdamW
     * @param batchSize the training windows per step
     * @param dropout the dropout rate between layers
     */
    public record Design(BlockType block, int hidden, int depth, Normalization normalization,
            LookbackFraction lookback, double learningRate, double weightDecay, int batchSize,
            double dropout) {
        public Design {
            Objects.requireNonNull(block, "block");
            Objects.requireNonNull(normalization, "normalization");
            Objects.requireNonNull(lookback, "lookback");
            if (hidden < 1 || depth < 1 || batchSize < 1) {
                throw new IllegalArgumentException("hidden, depth and batch size must be "
                        + "positive, got " + hidden + ", " + depth + " and " + batchSize);
            }
            if (!(learningRate > 0) || !(weightDecay >= 0) || !(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("need learning rate > 0, weight decay >= 0"
                        + " and dropout in [0, 1), got " + learningRate + ", " + weightDecay
                        + " and " + dropout);
            }
        }
    }

    /** The sequence block of a forecasting network. */
    public enum BlockType {
        /** Fully connected layers over the whole window. */
        MLP,
        /** A gated recurrent unit network. */
        GRU,
        /** A long short-term memory network. */
        LSTM,
        /** A temporal convolutional network of dilated causal convolutions. */
        TCN,
        /** A transformer encoder over the time steps. */
        ATTENTION;

        /** Returns the option name, such as {@code gru}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Returns the option names in declaration order. */
        public static List<String> keys() {
            return Arrays.stream(values()).map(BlockType::key).toList();
        }

        /**
         * Returns the block type with option name {@code key}.
         *
         * @throws IllegalArgumentException naming the valid option names
         */
        public static BlockType of(String key) {
            return Arrays.stream(values()).filter(type -> type.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown block type '"
                            + key + "'; valid types are " + keys()));
        }
    }

    /** The per-window input normalisation of a forecasting network. */
    public enum Normalization {
        /** The network reads the window as it is. */
        NONE,
        /** Reversible instance normalisation with a learned scale and shift. */
        REVIN;

        /** Returns the option name, such as {@code revin}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Returns the option names in declaration order. */
        public static List<String> keys() {
            return Arrays.stream(values()).map(Normalization::key).toList();
        }

        /**
         * Returns the normalisation with option name {@code key}.
         *
         * @throws IllegalArgumentException naming the valid option names
         */
        public static Normalization of(String key) {
            return Arrays.stream(values()).filter(n -> n.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown normalization '"
                            + key + "'; valid values are " + keys()));
        }
    }

    /** The part of the evaluator's lookback window that a network reads. */
    public enum LookbackFraction {
        /** The last quarter of the window. */
        QUARTER(4),
        /** The last half of the window. */
        HALF(2),
        /** The whole window. */
        FULL(1);

        private final int divisor;

        LookbackFraction(int divisor) {
            this.divisor = divisor;
        }

        /**
         * Returns the steps read out of a window of {@code lookback} steps: the window
         * divided by 4, 2 or 1, rounded down, and at least one step.
         *
         * @throws IllegalArgumentException when {@code lookback} is not positive
         */
        public int steps(int lookback) {
            if (lookback < 1) {
                throw new IllegalArgumentException("lookback must be positive, got "
                        + lookback);
            }
            return Math.max(1, lookback / divisor);
        }

        /** Returns the option name, such as {@code half}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Returns the option names in declaration order. */
        public static List<String> keys() {
            return Arrays.stream(values()).map(LookbackFraction::key).toList();
        }

        /**
         * Returns the fraction with option name {@code key}.
         *
         * @throws IllegalArgumentException naming the valid option names
         */
        public static LookbackFraction of(String key) {
            return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown lookback "
                            + "fraction '" + key + "'; valid values are " + keys()));
        }
    }
}
