package io.archforge.spark;

import io.archforge.eval.Evaluator;
import io.archforge.execution.EvaluationRecipe;
import io.archforge.space.SearchSpace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search spaces and evaluators built in this JVM, by recipe fingerprint, so that an
 * executor builds them, and loads their data, once and not per trial. Evaluators need
 * not be thread-safe, so each is lent to one task at a time, and the pool builds another
 * only when all of its fingerprint's evaluators are lent: an executor running N tasks at
 * once builds at most N.
 */
final class EvaluatorPool {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluatorPool.class);
    private static final Map<String, Entry> ENTRIES = new ConcurrentHashMap<>();

    private EvaluatorPool() {
    }

    /** An evaluator lent to one task, with its space. */
    static final class Lease {
        private final Entry entry;
        private final Evaluator evaluator;

        private Lease(Entry entry, Evaluator evaluator) {
            this.entry = entry;
            this.evaluator = evaluator;
        }

        SearchSpace space() {
            return entry.space;
        }

        Evaluator evaluator() {
            return evaluator;
        }

        /** Returns the evaluator for the next task. */
        void release() {
            entry.giveBack(evaluator);
        }

        /** Closes the evaluator instead, because a crash may have left it broken. */
        void discard() {
            closeEvaluator(evaluator);
        }
    }

    /** The space and evaluators of one fingerprint. */
    private static final class Entry {
        private final SearchSpace space;
        private final Deque<Evaluator> idle = new ArrayDeque<>();
        private boolean closed;

        Entry(SearchSpace space) {
            this.space = space;
        }

        synchronized Evaluator takeIdle() {
            return idle.pollFirst();
        }

        void giveBack(Evaluator evaluator) {
            synchronized (this) {
                if (!closed) {
                    idle.addFirst(evaluator);
                    return;
                }
            }
            closeEvaluator(evaluator);
        }

        /** Closes the idle evaluators now, and the lent ones when they come back. */
        void close() {
            List<Evaluator> idleNow;
            synchronized (this) {
                closed = true;
                idleNow = new ArrayList<>(idle);
                idle.clear();
            }
            idleNow.forEach(EvaluatorPool::closeEvaluator);
        }
    }

    /** Lends an idle evaluator for {@code recipe}, building the space and one if needed. */
    static Lease borrow(EvaluationRecipe recipe) {
        Entry entry = ENTRIES.computeIfAbsent(recipe.fingerprint(), fingerprint -> {
            LOG.info("Building the search space of {}", recipe);
            return new Entry(recipe.space());
        });
        Evaluator evaluator = entry.takeIdle();
        if (evaluator == null) {
            LOG.info("Building an evaluator for {}", recipe);
            evaluator = recipe.evaluator();
        }
        return new Lease(entry, evaluator);
    }

    /** Closes every evaluator built in this JVM, the lent ones when they are released. */
    static void closeAll() {
        for (String fingerprint : List.copyOf(ENTRIES.keySet())) {
            Entry entry = ENTRIES.remove(fingerprint);
            if (entry != null) {
                entry.close();
            }
        }
    }

    private static void closeEvaluator(Evaluator evaluator) {
        try {
            evaluator.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing an evaluator failed: {}", e.toString());
        }
    }
}
