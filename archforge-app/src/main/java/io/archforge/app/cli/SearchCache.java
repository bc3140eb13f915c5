package io.archforge.app.cli;

import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.eval.Evaluator;
import io.archforge.eval.cache.CachingEvaluator;
import io.archforge.store.jdbc.JdbcStorage;
import io.archforge.study.StudyConfig;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation cache of one {@code archforge search} run: the store's cache around the
 * study's evaluator, unless {@code --no-cache} turns it off or the evaluator is noisy.
 * Every study in the store shares the cache, so a second study pays for no evaluation
 * the first one made.
 */
final class SearchCache {

    private static final Logger LOG = LoggerFactory.getLogger(SearchCache.class);

    private final Evaluator evaluator;
    private final Optional<CachingEvaluator> caching;

    private SearchCache(Evaluator evaluator, Optional<CachingEvaluator> caching) {
        this.evaluator = evaluator;
        this.caching = caching;
    }

    /**
     * Wraps {@code evaluator} with the cache of {@code storage} unless {@code disabled} is
     * true or the evaluator is noisy, and logs which it chose.
     */
    static SearchCache choose(Evaluator evaluator, StudyConfig config, JdbcStorage storage,
            boolean disabled) {
        if (disabled) {
            LOG.info("Evaluation cache: off (--no-cache)");
            return new SearchCache(evaluator, Optional.empty());
        }
        if (evaluator.isNoisy()) {
            LOG.info("Evaluation cache: not used, because evaluator '{}' is noisy",
                    config.evaluator());
            return new SearchCache(evaluator, Optional.empty());
        }
        String fingerprint = EvaluatorFactory.fingerprint(DatasetSpec.of(config));
        CachingEvaluator caching =
                new CachingEvaluator(evaluator, storage.evaluationCache(), fingerprint);
        LOG.debug("Evaluation cache: on, fingerprint {}", fingerprint);
        return new SearchCache(caching, Optional.of(caching));
    }

    /** The evaluator the study runs: the cached one, or the plain one when caching is off. */
    Evaluator evaluator() {
        return evaluator;
    }

    /**
     * Logs how many evaluations of this run the cache served. Does nothing when caching is
     * off.
     */
    void logSummary() {
        caching.ifPresent(cached -> LOG.info("Evaluation cache: {} of {} evaluations of this run"
                + " served from the cache", cached.hits(), cached.hits() + cached.misses()));
    }
}
