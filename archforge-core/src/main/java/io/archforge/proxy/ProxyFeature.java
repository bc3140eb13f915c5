package io.archforge.proxy;

import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A proxy score standardised for use as a model input: minus the mean and over the
 * standard deviation of the scores of a fixed reference sample of the space, drawn
 * from a constant seed so every study sees the same scale. Scores are cached by
 * architecture text.
 */
public final class ProxyFeature {

    /** Architectures in the reference sample. */
    static final int REFERENCE_SIZE = 256;
    private static final long REFERENCE_SEED = 0x50524f5859L;

    private final ProxyScorer scorer;
    private final Map<String, Double> cache = new ConcurrentHashMap<>();
    private SearchSpace scaledSpace;
    private double mean;
    private double deviation = 1;

    public ProxyFeature(ProxyScorer scorer) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
    }

    /** The scorer. */
    public ProxyScorer scorer() {
        return scorer;
    }

    /** Returns the raw score, cached by architecture text. */
    public double raw(Architecture architecture) {
        return cache.computeIfAbsent(architecture.text(), t -> checked(scorer.score(architecture)));
    }

    /** Returns the standardised score of {@code architecture} in {@code space}. */
    public synchronized double standardised(SearchSpace space, Architecture architecture) {
        if (!space.equals(scaledSpace)) {
            scale(space);
        }
        return (raw(architecture) - mean) / deviation;
    }

    private void scale(SearchSpace space) {
        SplittableRandom random = new SplittableRandom(REFERENCE_SEED);
        double sum = 0;
        double squares = 0;
        double[] values = new double[REFERENCE_SIZE];
        for (int i = 0; i < REFERENCE_SIZE; i++) {
            values[i] = raw(space.sample(random));
            sum += values[i];
        }
        mean = sum / REFERENCE_SIZE;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double std = Math.sqrt(squares / REFERENCE_SIZE);
        deviation = std > 0 ? std : 1;
        scaledSpace = space;
    }

    private double checked(double score) {
        if (!Double.isFinite(score)) {
            throw new ArithmeticException("proxy " + scorer.name() + " gave " + score);
        }
        return score;
    }
}
