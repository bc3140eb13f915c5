package io.archforge.eval;

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
}
