package io.archforge.eval;

import io.archforge.fidelity.Fidelity;
import java.util.Optional;

/**
 * What an evaluator may use while it evaluates one trial.
 */
public interface EvaluationContext {

    /** The trial number. */
    int trialNumber();

    /** The seed derived for this trial; evaluators seed every random source from it. */
    long seed();

    /** Reports an intermediate value, such as validation accuracy after an epoch. */
    void report(int step, String metric, double value);

    /**
     * Returns whether the evaluation should stop now: the study was interrupted or its
     * time limit has passed. Long evaluations check this between steps and throw
     * {@link EvaluationInterruptedException} when it is true.
     */
    boolean shouldStop();

    /**
     * The fidelity to evaluate at, or empty for the evaluator's full fidelity. A
     * scheduler sets it; evaluators without a {@link Evaluator#fidelityRange()} never
     * see one.
     */
    default Optional<Fidelity> fidelity() {
        return Optional.empty();
    }

    /**
     * Returns whether a stopping rule watches this trial's reports. An evaluator whose
     * intermediate results cost extra work, such as a benchmark's separate short
     * training run, produces them only then.
     */
    default boolean earlyStopping() {
        return false;
    }

    /**
     * Returns whether the trial should stop here, after the values reported so far,
     * because a stopping rule judged it unpromising. Evaluators that report
     * intermediate values check this after each report and throw
     * {@link TrialPrunedException} when it is true.
     */
    default boolean shouldPrune() {
        return false;
    }

    /**
     * Returns a context for work outside a study, such as training a supernet or a
     * benchmark's reference network: trial 0 with {@code seed}, reports ignored, never
     * stopped.
     */
    static EvaluationContext detached(long seed) {
        return new DetachedContext(seed);
    }
}
