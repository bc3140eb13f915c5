package io.archforge.proxy;

import io.archforge.encoding.Encoder;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.Arrays;
import java.util.Objects;

/**
 * An encoding with one feature appended: the architecture's zero-cost proxy score,
 * standardised by {@link ProxyFeature} over a reference sample of the space, so that a
 * model fitted to the encoding learns how far to trust the proxy. An architecture the
 * proxy cannot score, because the score is not finite, gets the reference mean, 0.
 */
public final class ProxyAugmentedEncoder implements Encoder {

    private final Encoder encoder;
    private final ProxyFeature feature;
    private final SearchSpace space;

    /**
     * Creates the encoder.
     *
     * @param encoder the encoding of {@code space} that comes first
     * @param feature the proxy score, standardised over {@code space}
     * @param space the space of the encoded architectures
     */
    public ProxyAugmentedEncoder(Encoder encoder, ProxyFeature feature, SearchSpace space) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.feature = Objects.requireNonNull(feature, "feature");
        this.space = Objects.requireNonNull(space, "space");
    }

    @Override
    public int dimension() {
        return encoder.dimension() + 1;
    }

    @Override
    public double[] encode(Architecture architecture) {
        double[] encoded = encoder.encode(architecture);
        double[] features = Arrays.copyOf(encoded, encoded.length + 1);
        try {
            features[encoded.length] = feature.standardised(space, architecture);
        } catch (ArithmeticException e) {
            features[encoded.length] = 0;
        }
        return features;
    }
}
