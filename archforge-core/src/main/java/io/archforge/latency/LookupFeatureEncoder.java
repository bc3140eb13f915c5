package io.archforge.latency;

import io.archforge.encoding.Encoder;
import io.archforge.space.Architecture;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * An encoding with one feature appended: the logarithm of an architecture's lookup-table
 * latency, standardised by the mean and standard deviation over the training networks.
 * Training networks take their out-of-fold value from {@code stored}; every other
 * architecture takes the full table's value.
 */
final class LookupFeatureEncoder implements Encoder {

    private final Encoder encoder;
    private final Map<Architecture, Double> stored;
    private final ToDoubleFunction<Architecture> logLookup;
    private final double mean;
    private final double scale;

    LookupFeatureEncoder(Encoder encoder, Map<Architecture, Double> stored,
            ToDoubleFunction<Architecture> logLookup, double mean, double scale) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.stored = Map.copyOf(stored);
        this.logLookup = Objects.requireNonNull(logLookup, "logLookup");
        this.mean = mean;
        this.scale = scale;
    }

    @Override
    public int dimension() {
        return encoder.dimension() + 1;
    }

    @Override
    public double[] encode(Architecture architecture) {
        double[] encoded = encoder.encode(architecture);
        double[] features = Arrays.copyOf(encoded, encoded.length + 1);
        Double value = stored.get(architecture);
        double log = value != null ? value : logLookup.applyAsDouble(architecture);
        features[encoded.length] = (log - mean) / scale;
        return features;
    }
}
