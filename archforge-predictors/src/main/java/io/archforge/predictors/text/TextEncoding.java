package io.archforge.predictors.text;

import io.archforge.encoding.Encoder;
import io.archforge.space.SearchSpace;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The language-model encoding, option value {@value #NAME}: the all-MiniLM-L6-v2
 * embedding of each architecture's English description, 384 features of unit norm.
 * See {@link SentenceEncoder}.
 */
public final class TextEncoding {

    /** The option value that selects this encoding. */
    public static final String NAME = "lm";

    /** One encoder per space, so every predictor of a JVM shares its cache of embeddings. */
    private static final Map<SearchSpace, SentenceEncoder> ENCODERS = new ConcurrentHashMap<>();

    private TextEncoding() {
    }

    /**
     * Returns the text encoder of {@code space}, created on first use with a cache of
     * {@value SentenceEncoder#DEFAULT_CACHE_CAPACITY} embeddings and shared afterwards:
     * embedding a description costs tens of milliseconds, and predictors refitted
     * during a search or a benchmark encode the same architectures again. The model is
     * shared by every encoder and loads on the first encoding, not here.
     */
    public static Encoder encoder(SearchSpace space) {
        return ENCODERS.computeIfAbsent(space, SentenceEncoder::new);
    }
}
