package io.archforge.encoding;

import io.archforge.space.Architecture;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An encoder that remembers the encodings of the most recently used architectures, by
 * architecture text, so that a model refitted on a growing set of trials encodes each
 * architecture once. It returns a copy of the remembered array on every call, as the
 * {@link Encoder} contract requires.
 */
public final class CachingEncoder implements Encoder {

    private final Encoder encoder;
    private final Map<String, double[]> cache;

    /**
     * Creates the cache.
     *
     * @param encoder the encoder whose results are remembered
     * @param capacity the most encodings kept; the least recently used one goes first
     * @throws IllegalArgumentException when {@code capacity} is below 1
     */
    public CachingEncoder(Encoder encoder, int capacity) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        if (capacity < 1) {
            throw new IllegalArgumentException("encoding cache capacity must be at least 1, got "
                    + capacity);
        }
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public double[] encode(Architecture architecture) {
        synchronized (cache) {
            return cache.computeIfAbsent(architecture.text(), t -> encoder.encode(architecture))
                    .clone();
        }
    }
}
