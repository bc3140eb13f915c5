package io.archforge.eval;

/** Thrown by an evaluator that stopped early because {@link EvaluationContext#shouldStop()} became true. */
public final class EvaluationInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EvaluationInterruptedException(String message) {
        super(message);
    }
}
