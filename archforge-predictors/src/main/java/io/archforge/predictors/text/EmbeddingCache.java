package io.archforge.predictors.text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, thread-safe map from description text to embedding that evicts the least
 * recently used entry when full. One entry of 384 floats and a NAS-Bench-201
 * description takes about 2 KB, so the default capacity of the text encoder, 16,384
 * entries, stores every NAS-Bench-201 cell in about 32 MB.
 */
final class EmbeddingCache {

    private final int capacity;
    private final Map<String, float[]> entries;

    /**
     * Creates an empty cache.
     *
     * @throws IllegalArgumentException when {@code capacity} is negative
     */
    EmbeddingCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be at least 0, got "
                    + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > EmbeddingCache.this.capacity;
            }
        };
    }

    /** Returns the embedding of {@code text}, or null when it is not cached. Callers must not modify it. */
    synchronized float[] get(String text) {
        return entries.get(text);
    }

    /** Stores the embedding of {@code text}; the cache keeps {@code embedding} without a copy. */
    synchronized void put(String text, float[] embedding) {
        if (capacity > 0) {
            entries.put(text, embedding);
        }
    }

    /** Returns the number of cached embeddings. */
    synchronized int size() {
        return entries.size();
    }
}
