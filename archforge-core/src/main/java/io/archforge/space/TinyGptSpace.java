package io.archforge.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A space of small decoder-only character transformers, named {@value #NAME}, of the
 * GPT-2 family and small enough to train on a CPU in seconds.
 *
 * <p>The choices, in gene order:
 * <ul>
 *   <li>{@code layers}: the number of transformer blocks, 1 to {@value #MAX_LAYERS};</li>
 *   <li>{@code embed}: the embedding width, 32, 64, 96 or 128;</li>
 *   <li>{@code bias}: {@code off} or {@code on}, whether linear layers and layer norms
 *       have a bias;</li>
 *   <li>{@code heads_I} and {@code mlp_ratio_I} for each block {@code I} from 1 to
 *       {@value #MAX_LAYERS}: the attention heads (1, 2, 4 or 8) and the ratio of the
 *       MLP's hidden width to the embedding width (2, 3 or 4).</li>
 * </ul>
 * Every head count divides every width, so each gene vector is a valid network. The
 * choices of blocks beyond {@code layers} are inactive ({@link ChoiceCondition}): the
 * space writes them as their first value, so one network has one string form and one
 * isomorphism key. The space has {@value #NETWORKS} distinct networks.
 */
public final class TinyGptSpace {

    /** The space name. */
    public static final String NAME = "gpt-tiny";

    /** The maximum number of transformer blocks. */
    public static final int MAX_LAYERS = 4;

    /** The number of distinct networks: {@code 4 * 2 * (12 + 12^2 + 12^3 + 12^4)}. */
    public static final long NETWORKS = 180_960;

    /** The name of the block-count choice. */
    public static final String LAYERS = "layers";

    /** The name of the embedding-width choice. */
    public static final String EMBED = "embed";

    /** The name of the bias choice. */
    public static final String BIAS = "bias";

    /** The embedding widths. */
    public static final List<Integer> WIDTHS = List.of(32, 64, 96, 128);

    /** The head counts a block can have; each divides every width. */
    public static final List<Integer> HEADS = List.of(1, 2, 4, 8);

    /** The MLP ratios a block can have. */
    public static final List<Integer> MLP_RATIOS = List.of(2, 3, 4);

    private static final List<String> SWITCH = List.of("off", "on");
    private static final ChoiceSpace SPACE = build();

    private TinyGptSpace() {
    }

    /** Returns the space; every call returns an equal space. */
    public static ChoiceSpace create() {
        return SPACE;
    }

    /** Returns the name of the head-count choice of block {@code block}, from 1. */
    public static String headsChoice(int block) {
        Objects.checkIndex(block - 1, MAX_LAYERS);
        return "heads_" + block;
    }

    /** Returns the name of the MLP-ratio choice of block {@code block}, from 1. */
    public static String mlpRatioChoice(int block) {
        Objects.checkIndex(block - 1, MAX_LAYERS);
        return "mlp_ratio_" + block;
    }

    private static ChoiceSpace build() {
        List<Choice> choices = new ArrayList<>();
        List<ChoiceCondition> conditions = new ArrayList<>();
        choices.add(new Choice.IntRange(LAYERS, 1, MAX_LAYERS, 1));
        choices.add(new Choice.IntRange(EMBED, WIDTHS.get(0), WIDTHS.get(WIDTHS.size() - 1),
                WIDTHS.get(1) - WIDTHS.get(0)));
        choices.add(new Choice.Categorical(BIAS, SWITCH));
        for (int block = 1; block <= MAX_LAYERS; block++) {
            choices.add(new Choice.Categorical(headsChoice(block),
                    HEADS.stream().map(String::valueOf).toList()));
            choices.add(new Choice.IntRange(mlpRatioChoice(block), MLP_RATIOS.get(0),
                    MLP_RATIOS.get(MLP_RATIOS.size() - 1), 1));
            conditions.add(new ChoiceCondition(headsChoice(block), LAYERS, block));
            conditions.add(new ChoiceCondition(mlpRatioChoice(block), LAYERS, block));
        }
        return new ChoiceSpace(NAME, choices, conditions);
    }

    /**
     * Reads the network that {@code architecture} describes.
     *
     * @throws IllegalArgumentException when the architecture is of another space
     */
    public static Config config(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(NAME)) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is of space '" + architecture.space() + "', not '" + NAME + "'");
        }
        int layers = SPACE.intValue(architecture, LAYERS);
        List<Block> blocks = new ArrayList<>(layers);
        for (int block = 1; block <= layers; block++) {
            blocks.add(new Block(Integer.parseInt(SPACE.option(architecture, headsChoice(block))),
                    SPACE.intValue(architecture, mlpRatioChoice(block))));
        }
        return new Config(SPACE.intValue(architecture, EMBED),
                SPACE.option(architecture, BIAS).equals("on"), blocks);
    }

    /**
     * Builds the architecture of a network.
     *
     * @throws IllegalArgumentException when a value is not one the space offers
     */
    public static Architecture of(Config config) {
        Objects.requireNonNull(config, "config");
        List<Number> genes = new ArrayList<>();
        genes.add(config.blocks().size());
        genes.add(config.embed());
        genes.add(config.bias() ? 1 : 0);
        for (int block = 0; block < MAX_LAYERS; block++) {
            Block settings = block < config.blocks().size() ? config.blocks().get(block)
                    : new Block(HEADS.get(0), MLP_RATIOS.get(0));
            int heads = HEADS.indexOf(settings.heads());
            if (heads < 0) {
                throw new IllegalArgumentException("block " + (block + 1) + " has "
                        + settings.heads() + " heads; valid head counts are " + HEADS);
            }
            genes.add(heads);
            genes.add(settings.mlpRatio());
        }
        return SPACE.of(genes);
    }

    /**
     * One transformer block.
     *
     * @param heads the attention heads
     * @param mlpRatio the MLP's hidden width over the embedding width
     */
    public record Block(int heads, int mlpRatio) {
        public Block {
            if (heads < 1 || mlpRatio < 1) {
                throw new IllegalArgumentException("a block needs heads >= 1 and mlpRatio >= 1,"
                        + " got heads " + heads + " and mlpRatio " + mlpRatio);
            }
        }
    }

    /**
     * The network an architecture of the space describes.
     *
     * @param embed the embedding width
     * @param bias whether linear layers and layer norms have a bias
     * @param blocks the blocks, first to last
     */
    public record Config(int embed, boolean bias, List<Block> blocks) {
        public Config {
            blocks = List.copyOf(blocks);
            if (embed < 1 || blocks.isEmpty() || blocks.size() > MAX_LAYERS) {
                throw new IllegalArgumentException("a network needs embed >= 1 and 1 to "
                        + MAX_LAYERS + " blocks, got embed " + embed + " and "
                        + blocks.size() + " blocks");
            }
            for (Block block : blocks) {
                if (embed % block.heads() != 0) {
                    throw new IllegalArgumentException("embed " + embed
                            + " is not divisible by " + block.heads() + " heads");
                }
            }
        }
    }
}
