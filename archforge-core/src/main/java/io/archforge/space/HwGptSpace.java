package io.archforge.space;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The GPT language-model spaces of HW-GPT-Bench (Sukthanker, Zela, Staffler, Klein,
 * Purucker, Franke and Hutter, "HW-GPT-Bench: Hardware-Aware Architecture Benchmark for
 * Language Models", NeurIPS 2024 Datasets and Benchmarks), in three sizes named
 * {@code hwgpt-s}, {@code hwgpt-m} and {@code hwgpt-l}.
 *
 * <p>The choices, in gene order, with the values of the benchmark's configuration files:
 * <ul>
 *   <li>{@code layers}: the number of transformer layers (s 10 to 12, m 22 to 24, l 34 to
 *       36);</li>
 *   <li>{@code embed}: the embedding width, one for all layers (s 192, 384 or 768; m 256,
 *       512 or 1024; l 320, 640 or 1280);</li>
 *   <li>{@code bias}: {@code off} or {@code on}, whether linear layers and layer norms
 *       have a bias;</li>
 *   <li>{@code heads_I} and {@code mlp_ratio_I} for each layer {@code I} from 1 to the
 *       maximum depth: the attention heads (s 4, 8 or 12; m 8, 12 or 16; l 8, 16 or 20)
 *       and the ratio of the MLP's hidden width to the embedding width (2, 3 or 4).</li>
 * </ul>
 * The choices of layers beyond {@code layers} are inactive ({@link ChoiceCondition}): the
 * space writes them as their first value, so one network has one string form and one
 * isomorphism key. The names match the {@code gpt-tiny} space of {@link TinyGptSpace}.
 *
 * <p>The benchmark measured only 10,000 sampled networks per size, so searches use
 * {@link HwGptMeasuredSpaces}, which narrows each space to those networks.
 */
public final class HwGptSpace {

    /** The name of the layer-count choice. */
    public static final String LAYERS = "layers";

    /** The name of the embedding-width choice. */
    public static final String EMBED = "embed";

    /** The name of the bias choice. */
    public static final String BIAS = "bias";

    /** The MLP ratios a layer can have, in every size. */
    public static final List<Integer> MLP_RATIOS = List.of(2, 3, 4);

    private static final List<String> SWITCH = List.of("off", "on");
    private static final Map<Size, ChoiceSpace> SPACES = build();

    /** The three sizes. */
    public enum Size {
        /** GPT-S. */
        S(10, 12, List.of(192, 384, 768), List.of(4, 8, 12)),
        /** GPT-M. */
        M(22, 24, List.of(256, 512, 1024), List.of(8, 12, 16)),
        /** GPT-L. */
        L(34, 36, List.of(320, 640, 1280), List.of(8, 16, 20));

        private final int minLayers;
        private final int maxLayers;
        private final List<Integer> embeds;
        private final List<Integer> heads;

        Size(int minLayers, int maxLayers, List<Integer> embeds, List<Integer> heads) {
            this.minLayers = minLayers;
            this.maxLayers = maxLayers;
            this.embeds = embeds;
            this.heads = heads;
        }

        /** Returns the letter, such as {@code s}. */
        public String letter() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Returns the space name, such as {@code hwgpt-s}. */
        public String spaceName() {
            return "hwgpt-" + letter();
        }

        /** Returns the fewest layers. */
        public int minLayers() {
            return minLayers;
        }

        /** Returns the most layers. */
        public int maxLayers() {
            return maxLayers;
        }

        /** Returns the embedding widths, smallest first. */
        public List<Integer> embeds() {
            return embeds;
        }

        /** Returns the head counts a layer can have, smallest first. */
        public List<Integer> heads() {
            return heads;
        }

        /**
         * Returns the size whose letter or space name is {@code text}, such as {@code s}
         * or {@code hwgpt-s}, in any case.
         *
         * @throws IllegalArgumentException naming the text and the valid sizes
         */
        public static Size parse(String text) {
            String key = text.strip().toLowerCase(Locale.ROOT);
            for (Size size : values()) {
                if (key.equals(size.letter()) || key.equals(size.spaceName())) {
                    return size;
                }
            }
            throw new IllegalArgumentException("unknown HW-GPT-Bench size '" + text
                    + "': use s, m or l");
        }
    }

    private HwGptSpace() {
    }

    private static Map<Size, ChoiceSpace> build() {
        Map<Size, ChoiceSpace> spaces = new EnumMap<>(Size.class);
        for (Size size : Size.values()) {
            spaces.put(size, build(size));
        }
        return spaces;
    }

    private static ChoiceSpace build(Size size) {
        List<Choice> choices = new ArrayList<>();
        List<ChoiceCondition> conditions = new ArrayList<>();
        choices.add(new Choice.IntRange(LAYERS, size.minLayers, size.maxLayers, 1));
        choices.add(new Choice.Categorical(EMBED, texts(size.embeds)));
        choices.add(new Choice.Categorical(BIAS, SWITCH));
        for (int layer = 1; layer <= size.maxLayers; layer++) {
            choices.add(new Choice.Categorical(headsChoice(layer), texts(size.heads)));
            choices.add(new Choice.IntRange(mlpRatioChoice(layer), MLP_RATIOS.get(0),
                    MLP_RATIOS.get(MLP_RATIOS.size() - 1), 1));
            if (layer > size.minLayers) {
                conditions.add(new ChoiceCondition(headsChoice(layer), LAYERS, layer));
                conditions.add(new ChoiceCondition(mlpRatioChoice(layer), LAYERS, layer));
            }
        }
        return new ChoiceSpace(size.spaceName(), choices, conditions);
    }

    private static List<String> texts(List<Integer> values) {
        return values.stream().map(String::valueOf).toList();
    }

    /** Returns the full space of {@code size}; every call returns the same instance. */
    public static ChoiceSpace create(Size size) {
        return SPACES.get(Objects.requireNonNull(size, "size"));
    }

    /** Returns the name of the heads choice of layer {@code layer}, from 1. */
    public static String headsChoice(int layer) {
        return "heads_" + layer;
    }

    /** Returns the name of the MLP-ratio choice of layer {@code layer}, from 1. */
    public static String mlpRatioChoice(int layer) {
        return "mlp_ratio_" + layer;
    }

    /**
     * Returns the size of the space named {@code name}, if it is one of the three.
     *
     * @throws IllegalArgumentException when {@code name} is not an HW-GPT-Bench space
     */
    public static Size sizeOf(String name) {
        for (Size size : Size.values()) {
            if (size.spaceName().equals(name)) {
                return size;
            }
        }
        throw new IllegalArgumentException("space '" + name + "' is not an HW-GPT-Bench "
                + "space; use hwgpt-s, hwgpt-m or hwgpt-l");
    }

    /**
     * Builds the architecture from the benchmark's columns: the layer count, the embedding
     * width, the bias, and the heads and MLP ratios of the active layers as numbers joined
     * by {@code -}, such as {@code 4-12-8}.
     *
     * @throws IllegalArgumentException naming the value that is not a value of the space
     */
    public static Architecture ofColumns(Size size, int layers, int embed, boolean bias,
            String heads, String mlpRatios) {
        ChoiceSpace space = create(size);
        List<Integer> headList = numbers(heads);
        List<Integer> ratioList = numbers(mlpRatios);
        if (headList.size() != layers || ratioList.size() != layers) {
            throw new IllegalArgumentException("space '" + space.name() + "' needs one head "
                    + "count and one MLP ratio per layer, got " + layers + " layers with heads "
                    + heads + " and MLP ratios " + mlpRatios);
        }
        List<Number> genes = new ArrayList<>();
        genes.add(layers);
        genes.add(optionIndex(space, EMBED, size.embeds, embed));
        genes.add(bias ? 1 : 0);
        for (int layer = 1; layer <= size.maxLayers; layer++) {
            boolean active = layer <= layers;
            genes.add(active ? optionIndex(space, headsChoice(layer), size.heads,
                    headList.get(layer - 1)) : 0);
            genes.add(active ? ratioList.get(layer - 1) : MLP_RATIOS.get(0));
        }
        return space.of(genes);
    }

    private static List<Integer> numbers(String joined) {
        List<Integer> numbers = new ArrayList<>();
        for (String item : joined.split("-", -1)) {
            try {
                numbers.add(Integer.parseInt(item.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid number '" + item + "' in '"
                        + joined + "': expected integers joined by '-'", e);
            }
        }
        return numbers;
    }

    private static int optionIndex(ChoiceSpace space, String choice, List<Integer> options,
            int value) {
        int index = options.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException("invalid value " + value + " for choice '"
                    + choice + "' of space '" + space.name() + "': expected one of " + options);
        }
        return index;
    }

    /**
     * Returns the genes of {@code architecture} with -1 for each inactive choice, so two
     * architectures differ at an index exactly when that choice differs between the two
     * networks. A layer that only one of them has differs in both its choices.
     *
     * @throws IllegalArgumentException when the architecture is not of {@code space}
     */
    public static int[] activeGenes(ChoiceSpace space, Architecture architecture) {
        int[] genes = new int[space.choices().size()];
        for (int i = 0; i < genes.length; i++) {
            genes[i] = space.isActive(architecture, i) ? architecture.intGene(i) : -1;
        }
        return genes;
    }

    /**
     * Returns the number of distinct networks of {@code size}: widths x 2 biases x the sum
     * over depths {@code d} of 9^d (3 head counts x 3 MLP ratios per layer). It is about
     * 1.9e12 (s), 5.4e23 (m) and 1.5e35 (l), so it does not fit a {@code long} beyond s.
     */
    public static BigInteger networkCount(Size size) {
        BigInteger perLayer = BigInteger.valueOf((long) size.heads.size() * MLP_RATIOS.size());
        BigInteger sum = BigInteger.ZERO;
        for (int layers = size.minLayers; layers <= size.maxLayers; layers++) {
            sum = sum.add(perLayer.pow(layers));
        }
        return sum.multiply(BigInteger.valueOf(size.embeds.size() * 2L));
    }
}
