package io.archforge.latency;

import io.archforge.encoding.Encoder;
import io.archforge.predictor.Predictor;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A learned latency predictor: a performance predictor (a Gaussian process, a random
 * forest, gradient-boosted trees) fitted to the logarithm of the latency on an encoding
 * of the architecture, its prediction mapped back to ms.
 *
 * <p>With a lookup table ({@link #withLookup}) the model fits the log ratio of the
 * measured latency to the table's sum instead, and reads the standardised log sum as one
 * more feature; the prediction is the table's sum times the exponential of the predicted
 * log ratio. For a fitted table, each training network's sum comes from a table fitted
 * without it ({@link LookupPredictor#outOfFold}), so the model learns how far to trust
 * the table on networks it has not seen.
 */
public final class LearnedLatencyPredictor implements LatencyPredictor {

    private final String name;
    private final SearchSpace space;
    private final Encoder encoder;
    private final EncodedPredictorFactory models;
    private final LookupPredictor lookup;
    private final long seed;
    private final int minTrainingSize;
    private Predictor model;
    /** The smallest lookup sum the model reads, so a table sum of 0 still has a logarithm. */
    private double lowestMs;

    private LearnedLatencyPredictor(String name, SearchSpace space, Encoder encoder,
            EncodedPredictorFactory models, LookupPredictor lookup, long seed) {
        this.name = Objects.requireNonNull(name, "name");
        this.space = Objects.requireNonNull(space, "space");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.models = Objects.requireNonNull(models, "models");
        this.lookup = lookup;
        this.seed = seed;
        int modelMinimum = models.create(space, encoder, seed).minTrainingSize();
        this.minTrainingSize = lookup == null ? modelMinimum
                : Math.max(modelMinimum, Math.max(2, lookup.minTrainingSize()));
    }

    /**
     * Creates a predictor that fits the models {@code models} creates to log latency on
     * {@code encoder}.
     *
     * @param name the name benchmarks report, such as {@code learned:gp}
     */
    public static LearnedLatencyPredictor of(String name, SearchSpace space, Encoder encoder,
            EncodedPredictorFactory models, long seed) {
        return new LearnedLatencyPredictor(name, space, encoder, models, null, seed);
    }

    /**
     * Creates a predictor that fits the models to the log ratio of latency to the sum of
     * {@code lookup}'s table, with the log sum as an extra feature.
     *
     * @throws IllegalArgumentException when the lookup predictor reads another space
     */
    public static LearnedLatencyPredictor withLookup(String name, SearchSpace space,
            Encoder encoder, EncodedPredictorFactory models, LookupPredictor lookup, long seed) {
        Objects.requireNonNull(lookup, "lookup");
        if (!lookup.space().name().equals(space.name())) {
            throw new IllegalArgumentException("the lookup table reads space '"
                    + lookup.space().name() + "', the learned predictor '" + space.name() + "'");
        }
        return new LearnedLatencyPredictor(name, space, encoder, models, lookup, seed);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public int minTrainingSize() {
        return minTrainingSize;
    }

    @Override
    public void fit(List<Architecture> architectures, double[] latenciesMs) {
        LatencyPredictor.checkTrainingSet(this, architectures, latenciesMs);
        double[] targets = LatencyPredictor.log(latenciesMs);
        Encoder features = encoder;
        if (lookup != null) {
            lookup.fit(architectures, latenciesMs);
            double floor = floorMs(latenciesMs);
            double[] logSums = LatencyPredictor.log(clamp(
                    lookup.outOfFold(architectures, latenciesMs), floor));
            Map<Architecture, Double> stored = new HashMap<>();
            for (int i = 0; i < targets.length; i++) {
                targets[i] -= logSums[i];
                stored.put(architectures.get(i), logSums[i]);
            }
            double mean = mean(logSums);
            double scale = Math.max(standardDeviation(logSums, mean), 1e-9);
            features = new LookupFeatureEncoder(encoder, stored,
                    a -> Math.log(Math.max(lookup.predictMs(a), floor)), mean, scale);
        }
        Predictor fresh = models.create(space, features, seed);
        fresh.fit(architectures, targets);
        model = fresh;
        lowestMs = lookup == null ? 0 : floorMs(latenciesMs);
    }

    @Override
    public double predictMs(Architecture architecture) {
        if (model == null) {
            throw new IllegalStateException("latency predictor '" + name + "' was not fitted");
        }
        double logMs = model.predict(architecture).mean();
        if (lookup != null) {
            logMs += Math.log(Math.max(lookup.predictMs(architecture), lowestMs));
        }
        return Math.exp(logMs);
    }

    private static double floorMs(double[] latenciesMs) {
        double lowest = Double.POSITIVE_INFINITY;
        for (double latency : latenciesMs) {
            lowest = Math.min(lowest, latency);
        }
        return 1e-3 * lowest;
    }

    private static double[] clamp(double[] values, double floor) {
        double[] clamped = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            clamped[i] = Math.max(values[i], floor);
        }
        return clamped;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double standardDeviation(double[] values, double mean) {
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / values.length);
    }
}
