package io.archforge.torch.nb201;

/**
 * The outer network around a NAS-Bench-201 cell: the stem's channels and the cells
 * in each of the three stages. Stage {@code s} (0, 1, 2) has {@code channels << s}
 * channels, and a residual reduction block sits before the second and the third stage.
 *
 * @param channels output channels of the stem and of every cell of the first stage
 * @param cellsPerStage cells in each stage
 */
public record Nb201Skeleton(int channels, int cellsPerStage) {

    /** The network the benchmark trained: 16 channels, 5 cells per stage. */
    public static final Nb201Skeleton BENCHMARK = new Nb201Skeleton(16, 5);

    /**
     * A network sized for search on a CPU: 8 channels and one cell per stage, so 3
     * cells and 2 reduction blocks.
     */
    public static final Nb201Skeleton SEARCH = new Nb201Skeleton(8, 1);

    /** The number of stages. */
    public static final int STAGES = 3;

    public Nb201Skeleton {
        if (channels < 1 || channels > 1024) {
            throw new IllegalArgumentException("invalid skeleton channels " + channels
                    + ": use 1 to 1024");
        }
        if (cellsPerStage < 1 || cellsPerStage > 32) {
            throw new IllegalArgumentException("invalid cells per stage " + cellsPerStage
                    + ": use 1 to 32");
        }
    }

    /** Returns the channels of stage {@code stage}, counted from 0. */
    public int stageChannels(int stage) {
        return channels << stage;
    }

    /** Returns the channels that reach the classifier. */
    public int lastChannels() {
        return stageChannels(STAGES - 1);
    }

    /** Returns the number of cells in the network. */
    public int cellCount() {
        return STAGES * cellsPerStage;
    }
}
