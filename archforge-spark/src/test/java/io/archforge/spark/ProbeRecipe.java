package io.archforge.spark;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.eval.Evaluator;
import io.archforge.execution.EvaluationRecipe;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;

/**
 * A recipe whose evaluator sleeps, counts how many evaluations overlap, and misbehaves
 * on request. Its counters are static, which works because Spark's local mode runs the
 * tasks as threads of the test JVM.
 *
 * @param sleepMillis how long a normal evaluation takes
 */
record ProbeRecipe(long sleepMillis) implements EvaluationRecipe {

    private static final long serialVersionUID = 1L;

    /** What the evaluation of one trial number does. */
    enum Behaviour {
        /** Sleeps and returns metrics computed from the architecture and seed. */
        NORMAL,
        /** Throws an {@link Error} on the task's first attempt, then behaves normally. */
        CRASH_FIRST_ATTEMPT,
        /** Throws an {@link Error} on every attempt. */
        CRASH_ALWAYS,
        /** Throws an evaluation error, a runtime exception. */
        FAIL,
        /** Runs for a minute unless the context requests a stop. */
        HANG
    }

    /** A crash of the task itself, as opposed to an evaluation error. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String message) {
            super(message);
        }
    }

    static final Map<Integer, Behaviour> BEHAVIOURS = new ConcurrentHashMap<>();
    static final Map<Integer, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MAX_RUNNING = new AtomicInteger();
    static final AtomicInteger BUILT = new AtomicInteger();
    static final AtomicInteger STOPS_SEEN = new AtomicInteger();

    /** Clears the counters and behaviours. */
    static void reset() {
        BEHAVIOURS.clear();
        ATTEMPTS.clear();
        RUNNING.set(0);
        MAX_RUNNING.set(0);
        BUILT.set(0);
        STOPS_SEEN.set(0);
    }

    static int attempts(int trial) {
        AtomicInteger count = ATTEMPTS.get(trial);
        return count == null ? 0 : count.get();
    }

    /** The metric a normal evaluation returns, a pure function of its inputs. */
    static double score(Architecture architecture, long seed) {
        return Math.floorMod(architecture.text().hashCode() * 31L + seed, 10_000) / 100.0;
    }

    @Override
    public String fingerprint() {
        return "probe:" + sleepMillis;
    }

    @Override
    public SearchSpace space() {
        return CellSpace.nb201();
    }

    @Override
    public Evaluator evaluator() {
        BUILT.incrementAndGet();
        return new ProbeEvaluator(sleepMillis);
    }

    /** The evaluator of {@link ProbeRecipe}. */
    static final class ProbeEvaluator implements Evaluator {
        private final long sleepMillis;

        ProbeEvaluator(long sleepMillis) {
            this.sleepMillis = sleepMillis;
        }

        @Override
        public Set<String> metrics() {
            return Set.of("score");
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            int trial = context.trialNumber();
            ATTEMPTS.computeIfAbsent(trial, number -> new AtomicInteger()).incrementAndGet();
            Behaviour behaviour = BEHAVIOURS.getOrDefault(trial, Behaviour.NORMAL);
            TaskContext task = TaskContext.get();
            boolean firstAttempt = task != null && task.attemptNumber() == 0;
            if (behaviour == Behaviour.CRASH_ALWAYS
                    || behaviour == Behaviour.CRASH_FIRST_ATTEMPT && firstAttempt) {
                throw new SimulatedCrash("trial " + trial + " crashed on attempt "
                        + (task == null ? 0 : task.attemptNumber()));
            }
            if (behaviour == Behaviour.FAIL) {
                throw new IllegalStateException("trial " + trial + " has no valid result");
            }
            int running = RUNNING.incrementAndGet();
            MAX_RUNNING.accumulateAndGet(running, Math::max);
            try {
                sleep(behaviour == Behaviour.HANG ? 60_000 : sleepMillis, context);
            } finally {
                RUNNING.decrementAndGet();
            }
            return Evaluation.of(Map.of("score", score(architecture, context.seed())));
        }

        private static void sleep(long millis, EvaluationContext context) {
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                if (context.shouldStop()) {
                    STOPS_SEEN.incrementAndGet();
                    throw new EvaluationInterruptedException("stopped by the context");
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EvaluationInterruptedException("interrupted");
                }
            }
        }
    }
}
