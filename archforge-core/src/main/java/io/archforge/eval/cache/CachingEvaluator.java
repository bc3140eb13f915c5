package io.archforge.eval.cache;

import io.archforge.eval.CostMetrics;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.eval.ForwardingEvaluator;
import io.archforge.space.Architecture;
import io.archforge.storage.StorageException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An evaluator that serves repeated evaluations from an {@link EvaluationCache} instead
 * of running the wrapped evaluator again.
 *
 * <p>On a hit it returns the stored evaluation with attribute {@value #ATTRIBUTE} set to
 * {@value #HIT}, plus {@value #CACHED_FROM} (when the stored evaluation was made, ISO-8601)
 * and {@value #CACHED_ARCHITECTURE} (the architecture it was made for, which may be an
 * isomorphic variant of the one asked for). A hit spent no training, so its cost metric
 * {@value CostMetrics#TRAINING_EPOCHS}, when present, is 0, and the stored cost moves to
 * attribute {@value #CACHED_TRAINING_EPOCHS}. A hit reports no intermediate values, so a
 * stopping rule receives none for that trial. On a miss it runs the wrapped evaluator, stores
 * the result and returns it with {@value #ATTRIBUTE} set to {@value #MISS}. An evaluation
 * that throws, a pruned one included, is never stored.
 *
 * <p>A noisy wrapped evaluator ({@link Evaluator#isNoisy()}) bypasses the cache entirely:
 * every call runs it and nothing is read or stored, because a second evaluation of a noisy
 * evaluator is new information. When the cache fails with a {@link StorageException}, the
 * evaluator logs a warning and evaluates (on a failed read) or returns the fresh result
 * (on a failed write), so a cache failure never costs an evaluation.
 *
 * <p>Every other method forwards to the wrapped evaluator. {@link #close()} closes the
 * wrapped evaluator but not the cache, which belongs to its store. Thread-safe when the
 * wrapped evaluator and the cache are.
 */
public final class CachingEvaluator extends ForwardingEvaluator {

    /** The trial attribute that records whether the evaluation came from the cache. */
    public static final String ATTRIBUTE = "cache";

    /** The {@value #ATTRIBUTE} value of an evaluation served from the cache. */
    public static final String HIT = "hit";

    /** The {@value #ATTRIBUTE} value of an evaluation computed and then stored. */
    public static final String MISS = "miss";

    /** The attribute of a hit that contains when the stored evaluation was made. */
    public static final String CACHED_FROM = "cached_from";

    /** The attribute of a hit that contains the architecture the stored evaluation was made for. */
    public static final String CACHED_ARCHITECTURE = "cached_architecture";

    /** The attribute of a hit that contains the training epochs the stored evaluation cost. */
    public static final String CACHED_TRAINING_EPOCHS = "cached_training_epochs";

    private static final Logger LOG = LoggerFactory.getLogger(CachingEvaluator.class);

    private final Evaluator evaluator;
    private final EvaluationCache cache;
    private final String fingerprint;
    private final Clock clock;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /**
     * Wraps {@code evaluator}.
     *
     * @param fingerprint the evaluator configuration, see {@link EvaluatorFingerprint}
     */
    public CachingEvaluator(Evaluator evaluator, EvaluationCache cache, String fingerprint) {
        this(evaluator, cache, fingerprint, Clock.systemUTC());
    }

    CachingEvaluator(Evaluator evaluator, EvaluationCache cache, String fingerprint,
            Clock clock) {
        super(evaluator);
        this.evaluator = evaluator;
        this.cache = Objects.requireNonNull(cache, "cache");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        if (evaluator.isNoisy()) {
            return evaluator.evaluate(architecture, context);
        }
        EvaluationKey key = EvaluationKey.of(architecture, evaluator, fingerprint, context);
        // An entry that lacks a metric the evaluator now reports is stale. Entries are never
        // replaced, so such a key is evaluated afresh each time.
        Optional<Evaluation> stored = read(key, context)
                .filter(entry -> entry.metrics().keySet().containsAll(evaluator.metrics()));
        if (stored.isPresent()) {
            hits.incrementAndGet();
            LOG.debug("Trial {}: evaluation of {} served from the cache (key {})",
                    context.trialNumber(), architecture, key.digest());
            return served(stored.get());
        }

        Evaluation fresh = evaluator.evaluate(architecture, context);
        misses.incrementAndGet();
        write(key, withAttribute(fresh, Map.of(
                CACHED_FROM, clock.instant().toString(),
                CACHED_ARCHITECTURE, architecture.text())), context);
        return withAttribute(fresh, Map.of(ATTRIBUTE, MISS));
    }

    private Optional<Evaluation> read(EvaluationKey key, EvaluationContext context) {
        try {
            return cache.get(key);
        } catch (StorageException e) {
            LOG.warn("Trial {}: reading the evaluation cache failed, evaluating instead (key {}):"
                    + " {}", context.trialNumber(), key.digest(), e.getMessage());
            return Optional.empty();
        }
    }

    private void write(EvaluationKey key, Evaluation evaluation, EvaluationContext context) {
        try {
            cache.put(key, evaluation);
        } catch (StorageException e) {
            LOG.warn("Trial {}: storing the evaluation in the cache failed, keeping the result"
                    + " uncached (key {}): {}", context.trialNumber(), key.digest(),
                    e.getMessage());
        }
    }

    /** Marks a stored evaluation as a hit that cost no training. */
    private static Evaluation served(Evaluation stored) {
        Map<String, Double> metrics = new HashMap<>(stored.metrics());
        Map<String, String> attributes = new HashMap<>(stored.attributes());
        attributes.put(ATTRIBUTE, HIT);
        Double cost = metrics.get(CostMetrics.TRAINING_EPOCHS);
        if (cost != null) {
            attributes.put(CACHED_TRAINING_EPOCHS, Double.toString(cost));
            metrics.put(CostMetrics.TRAINING_EPOCHS, 0.0);
        }
        return new Evaluation(metrics, attributes);
    }

    private static Evaluation withAttribute(Evaluation evaluation, Map<String, String> added) {
        Map<String, String> attributes = new HashMap<>(evaluation.attributes());
        attributes.putAll(added);
        return new Evaluation(evaluation.metrics(), attributes, evaluation.artifacts());
    }

    /** The evaluations served from the cache by this instance. */
    public long hits() {
        return hits.get();
    }

    /**
     * The evaluations this instance computed and stored. Evaluations of a noisy evaluator,
     * which bypass the cache, do not count.
     */
    public long misses() {
        return misses.get();
    }
}
