package io.archforge.space;

import java.util.ArrayList;
import java.util.List;

/**
 * A macro search space for convolutional networks trained on the CPU on 28x28
 * grey images, named {@code macro}.
 *
 * <p>The network has {@value #STAGES} stages, {@code s1} to {@code s3}. Each stage
 * has five choices:
 * <ul>
 *   <li>{@code sN.depth}: blocks in the stage, an integer from 1 to 3;</li>
 *   <li>{@code sN.width}: output channels, one of 8, 16, 24, 32, 48, 64;</li>
 *   <li>{@code sN.kernel}: convolution kernel size, 3 or 5;</li>
 *   <li>{@code sN.expansion}: expansion ratio of the inverted bottleneck, 1, 2 or 4;</li>
 *   <li>{@code sN.residual}: a skip connection around each block, {@code off} or
 *       {@code on}.</li>
 * </ul>
 * Width and expansion are categorical choices whose options are the numbers as
 * text, because their value sets are not evenly spaced. Depth and kernel are
 * integer ranges. Either way the string form shows the number, for example
 * {@code s1.width=32}, and {@link #stages} returns them as ints. The space holds
 * {@code (3*6*2*3*2)^3 = 216^3 = 10,077,696} architectures.
 */
public final class MacroSpace {

    /** The space name. */
    public static final String NAME = "macro";

    /** The number of stages. */
    public static final int STAGES = 3;

    private static final List<String> WIDTHS = List.of("8", "16", "24", "32", "48", "64");
    private static final List<String> EXPANSIONS = List.of("1", "2", "4");
    private static final List<String> RESIDUAL = List.of("off", "on");
    private static final ChoiceSpace SPACE = build();

    private MacroSpace() {
    }

    /** Returns the macro space; every call returns an equal space. */
    public static ChoiceSpace create() {
        return SPACE;
    }

    private static ChoiceSpace build() {
        List<Choice> choices = new ArrayList<>();
        for (int stage = 1; stage <= STAGES; stage++) {
            String prefix = "s" + stage + ".";
            choices.add(new Choice.IntRange(prefix + "depth", 1, 3, 1));
            choices.add(new Choice.Categorical(prefix + "width", WIDTHS));
            choices.add(new Choice.IntRange(prefix + "kernel", 3, 5, 2));
            choices.add(new Choice.Categorical(prefix + "expansion", EXPANSIONS));
            choices.add(new Choice.Categorical(prefix + "residual", RESIDUAL));
        }
        return new ChoiceSpace(NAME, choices);
    }

    /**
     * Reads the stages of a macro architecture, first stage first.
     *
     * @throws IllegalArgumentException when the architecture is not of this space
     */
    public static List<StageSpec> stages(Architecture architecture) {
        if (!architecture.space().equals(NAME)) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is of space '" + architecture.space() + "', not '" + NAME + "'");
        }
        List<StageSpec> stages = new ArrayList<>(STAGES);
        for (int stage = 1; stage <= STAGES; stage++) {
            String prefix = "s" + stage + ".";
            stages.add(new StageSpec(
                    SPACE.intValue(architecture, prefix + "depth"),
                    Integer.parseInt(SPACE.option(architecture, prefix + "width")),
                    SPACE.intValue(architecture, prefix + "kernel"),
                    Integer.parseInt(SPACE.option(architecture, prefix + "expansion")),
                    SPACE.option(architecture, prefix + "residual").equals("on")));
        }
        return List.copyOf(stages);
    }

    /**
     * One stage of a macro network.
     *
     * @param depth the number of blocks, at least 1
     * @param width the output channels of every block
     * @param kernel the convolution kernel size, odd
     * @param expansion the inverted-bottleneck ratio: hidden channels are
     *     {@code width * expansion}
     * @param residual whether each block adds its input to its output
     */
    public record StageSpec(int depth, int width, int kernel, int expansion, boolean residual) {

        public StageSpec {
            if (depth < 1 || width < 1 || expansion < 1 || kernel < 1 || kernel % 2 == 0) {
                throw new IllegalArgumentException("invalid stage: depth " + depth + ", width "
                        + width + ", kernel " + kernel + ", expansion " + expansion
                        + "; all must be positive and the kernel odd");
            }
        }
    }
}
