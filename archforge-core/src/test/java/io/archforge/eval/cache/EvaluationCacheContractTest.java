package io.archforge.eval.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.archforge.eval.Evaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link EvaluationCache} must have. A backend's test extends this
 * class and implements {@link #openCache}; the rules checked here are:
 * <ul>
 *   <li>a key never stored reads as empty;</li>
 *   <li>metrics (NaN, infinities and the smallest double included) and attributes come
 *       back exactly;</li>
 *   <li>a second put of a key keeps the first evaluation;</li>
 *   <li>keys that differ in one field are separate entries;</li>
 *   <li>concurrent puts of the same keys through separate handles all succeed;</li>
 *   <li>a durable cache shows its entries after it is closed and reopened.</li>
 * </ul>
 */
public abstract class EvaluationCacheContractTest {

    @TempDir
    protected Path dir;

    protected EvaluationCache cache;

    /**
     * Opens a handle on the cache whose files, if any, live in {@code dir}. Handles opened
     * on the same directory share their entries, as separate processes on one store do.
     */
    protected abstract EvaluationCache openCache(Path dir);

    /** Closes every handle opened by {@link #openCache}. */
    protected void closeCaches() {
    }

    /** Returns whether a cache opened after {@link #closeCaches} reads the earlier entries. */
    protected boolean persistsAcrossReopen() {
        return true;
    }

    @BeforeEach
    void open() {
        cache = openCache(dir);
    }

    @AfterEach
    void close() {
        closeCaches();
    }

    protected static EvaluationKey key(String architecture) {
        return new EvaluationKey("nb201:" + architecture, "nb201?dataset=cifar10", "full", 0);
    }

    @Test
    void missingKeyIsEmpty() {
        assertThat(cache.get(key("a"))).isEmpty();
    }

    @Test
    void evaluationRoundTrips() {
        Evaluation evaluation = new Evaluation(
                Map.of("accuracy", 93.37, "nan", Double.NaN, "inf", Double.POSITIVE_INFINITY,
                        "neg_inf", Double.NEGATIVE_INFINITY, "tiny", Double.MIN_VALUE,
                        "neg", -0.1, "big", 1.7976931348623157E308),
                Map.of("nb201_index", "1462", "note", "ü \"quoted\"\nnext line", "empty", ""));

        cache.put(key("a"), evaluation);
        Evaluation read = cache.get(key("a")).orElseThrow();

        assertThat(read.attributes()).isEqualTo(evaluation.attributes());
        assertThat(read.metrics()).containsOnlyKeys(evaluation.metrics().keySet());
        for (Map.Entry<String, Double> metric : evaluation.metrics().entrySet()) {
            assertThat(read.metrics().get(metric.getKey())).as(metric.getKey())
                    .isEqualTo(metric.getValue());
        }
    }

    @Test
    void firstPutWins() {
        cache.put(key("a"), Evaluation.of(Map.of("accuracy", 1.0)));
        cache.put(key("a"), Evaluation.of(Map.of("accuracy", 2.0)));

        assertThat(cache.get(key("a")).orElseThrow().metrics()).containsEntry("accuracy", 1.0);
    }

    @Test
    void everyKeyFieldSeparatesEntries() {
        EvaluationKey base = key("a");
        List<EvaluationKey> keys = List.of(base,
                new EvaluationKey("nb201:b", base.evaluatorFingerprint(), base.fidelity(), 0),
                new EvaluationKey(base.architectureKey(), "nb201?dataset=cifar100",
                        base.fidelity(), 0),
                new EvaluationKey(base.architectureKey(), base.evaluatorFingerprint(),
                        "epochs:12", 0),
                new EvaluationKey(base.architectureKey(), base.evaluatorFingerprint(),
                        base.fidelity(), 1));
        for (int i = 0; i < keys.size(); i++) {
            cache.put(keys.get(i), Evaluation.of(Map.of("accuracy", (double) i)));
        }

        for (int i = 0; i < keys.size(); i++) {
            assertThat(cache.get(keys.get(i))).as(keys.get(i).toString())
                    .map(e -> e.metrics().get("accuracy")).contains((double) i);
        }
    }

    @Test
    void concurrentPutsOfSameKeysSucceed() throws Exception {
        int handles = 3;
        int keys = 40;
        List<EvaluationCache> caches = new ArrayList<>(List.of(cache));
        for (int h = 1; h < handles; h++) {
            caches.add(openCache(dir));
        }
        CyclicBarrier start = new CyclicBarrier(handles);
        ExecutorService pool = Executors.newFixedThreadPool(handles);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int h = 0; h < handles; h++) {
                EvaluationCache handle = caches.get(h);
                double value = h;
                done.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    for (int k = 0; k < keys; k++) {
                        handle.put(key("k" + k), Evaluation.of(Map.of("accuracy", value)));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        for (int k = 0; k < keys; k++) {
            Optional<Evaluation> stored = cache.get(key("k" + k));
            assertThat(stored).as("key k%d", k).isPresent();
            assertThat(stored.get().metrics().get("accuracy")).isBetween(0.0, handles - 1.0);
        }
    }

    @Test
    void reopenedCacheKeepsEntries() {
        assumeTrue(persistsAcrossReopen(), "this cache keeps nothing once closed");
        cache.put(key("a"), new Evaluation(Map.of("accuracy", 70.25), Map.of("k", "v")));
        closeCaches();

        cache = openCache(dir);

        Evaluation read = cache.get(key("a")).orElseThrow();
        assertThat(read.metrics()).isEqualTo(Map.of("accuracy", 70.25));
        assertThat(read.attributes()).isEqualTo(Map.of("k", "v"));
    }
}
