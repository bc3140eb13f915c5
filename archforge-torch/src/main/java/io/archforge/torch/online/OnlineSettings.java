package io.archforge.torch.online;

/**
 * The settings of an online search.
 *
 * @param population the number of networks that train side by side, at least 2
 * @param stepsPerChunk optimizer steps each network takes per arriving chunk
 * @param replayWindows the latest complete windows that training batches are drawn from
 * @param recentWindows the latest windows whose mean error ranks the networks and
 *     decides swaps; a network is judged only once it has this many
 * @param generationChunks chunks between two generations; each generation first checks
 *     the swap rule, then replaces members
 * @param swapChecks the number of recent checks the swap rule counts
 * @param swapWins the wins among them that a swap needs
 * @param swapMargin the relative error advantage of a win
 * @param maxChildren members replaced per generation right after a drift alarm; one
 *     without drift
 * @param maxMutations choices a child changes right after a drift alarm; one without
 *     drift
 * @param effortDecay the factor that each generation applies to the raised effort
 * @param seed the seed of the architectures, batches and initial weights
 */
public record OnlineSettings(int population, int stepsPerChunk, int replayWindows,
        int recentWindows, int generationChunks, int swapChecks, int swapWins,
        double swapMargin, int maxChildren, int maxMutations, double effortDecay, long seed) {

    /** The default population. */
    public static final int DEFAULT_POPULATION = 6;

    public OnlineSettings {
        if (population < 2 || stepsPerChunk < 1 || replayWindows < 1 || recentWindows < 1
                || generationChunks < 1 || maxChildren < 1 || maxChildren >= population) {
            throw new IllegalArgumentException("an online search needs population >= 2, at"
                    + " least 1 step, replay window, recent window and chunk per generation,"
                    + " and 1 <= maxChildren < population; got population " + population
                    + ", steps " + stepsPerChunk + ", replay " + replayWindows + ", recent "
                    + recentWindows + ", generation " + generationChunks + ", maxChildren "
                    + maxChildren);
        }
    }

    /**
     * Returns the defaults for {@code population} networks: 2 steps per chunk, batches
     * from the latest 512 windows, errors over the latest 96 windows, a generation every
     * 2 chunks, a swap after 3 wins in 4 checks by a 2 percent margin, and after a drift
     * alarm half the population replaced with up to 3 changed choices per child, an
     * effort that decays by 0.7 per generation.
     */
    public static OnlineSettings defaults(int population, long seed) {
        return new OnlineSettings(population, 2, 512, 96, 2, 4, 3, 0.02,
                Math.max(1, population / 2), 3, 0.7, seed);
    }

    /** Returns these settings with {@code recentWindows} replaced. */
    public OnlineSettings withRecentWindows(int windows) {
        return new OnlineSettings(population, stepsPerChunk, replayWindows, windows,
                generationChunks, swapChecks, swapWins, swapMargin, maxChildren, maxMutations,
                effortDecay, seed);
    }
}
