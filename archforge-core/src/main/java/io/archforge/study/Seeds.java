package io.archforge.study;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Derives per-trial seeds from a study seed, so the same study seed replays the
 * same trials whatever the order in which trials are created.
 */
public final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The seed of trial {@code number} of a study seeded with {@code studySeed}. */
    public static long trialSeed(long studySeed, int number) {
        return mix(studySeed + GOLDEN_GAMMA * (number + 1L));
    }

    /** The generator a strategy draws from when it proposes trial {@code number}. */
    public static RandomGenerator strategyRandom(long studySeed, int number) {
        return new SplittableRandom(mix(trialSeed(studySeed, number) ^ 0x5DEECE66DL));
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood, 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
