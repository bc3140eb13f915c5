package io.archforge.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The FBNet search space (Wu et al., "FBNet: Hardware-Aware Efficient ConvNet Design
 * via Differentiable Neural Architecture Search", CVPR 2019) as HW-NAS-Bench (Li et
 * al., "HW-NAS-Bench: Hardware-Aware Neural Architecture Search Benchmark", ICLR 2021)
 * and HELP (Lee, Lee and Hwang, NeurIPS 2021) use it, named {@code fbnet}: 22 searchable
 * layers, each one of 9 blocks, {@code 9^22} architectures.
 *
 * <p>The layers sit in 7 stages of 1, 4, 4, 4, 4, 4 and 1 layers, and choice
 * {@code sS.bB} is layer {@code B} of stage {@code S}, so gene {@code k} is layer
 * {@code k} in network order. The blocks, in the index order of the benchmarks'
 * {@code op_idx_list}, are {@link #BLOCKS}: {@code kK_eE} is an inverted bottleneck
 * with a {@code K x K} depthwise convolution and expansion ratio {@code E}, {@code _g2}
 * makes its 1x1 convolutions grouped in 2, and {@code skip} is the identity (a
 * projection where the shape changes). The order is that of
 * {@code ops_str_lookup_table} in HW-NAS-Bench's API ({@code hw_nas_bench_api}, GitHub
 * GATECH-EIC/HW-NAS-Bench).
 */
public final class FbnetSpace {

    /** The space name. */
    public static final String NAME = "fbnet";

    /** The blocks, in the benchmarks' index order. */
    public static final List<String> BLOCKS = List.of("k3_e1", "k3_e1_g2", "k3_e3", "k3_e6",
            "k5_e1", "k5_e1_g2", "k5_e3", "k5_e6", "skip");

    /** Searchable layers per stage, first stage first. */
    public static final List<Integer> STAGE_LAYERS = List.of(1, 4, 4, 4, 4, 4, 1);

    /** The number of searchable layers. */
    public static final int LAYERS = 22;

    private static final ChoiceSpace SPACE = build();

    private FbnetSpace() {
    }

    /** Returns the space; every call returns an equal space. */
    public static ChoiceSpace create() {
        return SPACE;
    }

    private static ChoiceSpace build() {
        List<Choice> choices = new ArrayList<>(LAYERS);
        for (int stage = 0; stage < STAGE_LAYERS.size(); stage++) {
            for (int layer = 0; layer < STAGE_LAYERS.get(stage); layer++) {
                choices.add(new Choice.Categorical(
                        "s" + (stage + 1) + ".b" + (layer + 1), BLOCKS));
            }
        }
        return new ChoiceSpace(NAME, choices);
    }

    /**
     * Builds the architecture whose layer {@code k} takes block index {@code blocks[k]}, as
     * the benchmarks' {@code op_idx_list} writes it.
     *
     * @throws IllegalArgumentException when there are not 22 indices or one is outside 0
     *     to 8
     */
    public static Architecture of(int... blocks) {
        Objects.requireNonNull(blocks, "blocks");
        List<Integer> genes = new ArrayList<>(blocks.length);
        for (int block : blocks) {
            genes.add(block);
        }
        return SPACE.of(genes);
    }

    /** Returns the block name of each layer of {@code architecture}, in network order. */
    public static List<String> blocks(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(NAME)) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is of space '" + architecture.space() + "', not '" + NAME + "'");
        }
        List<String> names = new ArrayList<>(LAYERS);
        for (int layer = 0; layer < LAYERS; layer++) {
            names.add(BLOCKS.get(architecture.intGene(layer)));
        }
        return List.copyOf(names);
    }
}
