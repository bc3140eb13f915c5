package io.archforge.eval;

import io.archforge.space.Architecture;
import java.util.Set;

/**
 * Turns an architecture into metrics: a table look-up, real training, a proxy.
 *
 * <p>An evaluator may hold native resources, so it is {@link AutoCloseable}.
 */
public interface Evaluator extends AutoCloseable {

    /** The metric names every evaluation returns. */
    Set<String> metrics();

    /**
     * Evaluates one architecture.
     *
     * @throws EvaluationInterruptedException when it stopped because the context asked it to
     */
    Evaluation evaluate(Architecture architecture, EvaluationContext context);

    /** Returns whether evaluating the same architecture twice can give different metrics. */
    default boolean isNoisy() {
        return false;
    }

    /**
     * The fidelities this evaluator accepts, or empty when it evaluates at one fixed
     * fidelity only. Multi-fidelity schedulers need a range.
     */
    default java.util.Optional<io.archforge.fidelity.FidelityRange> fidelityRange() {
        return java.util.Optional.empty();
    }

    /**
     * The range of fidelities of {@code kind} this evaluator accepts, or empty when it
     * cannot vary that kind. By default the one range of {@link #fidelityRange()}, if it
     * is of that kind.
     */
    default java.util.Optional<io.archforge.fidelity.FidelityRange> fidelityRange(
            io.archforge.fidelity.FidelityKind kind) {
        return fidelityRange().filter(range -> range.kind() == kind);
    }

    /**
     * Returns whether the metrics depend on the trial seed. A table look-up does not,
     * so an evaluation cache may serve its result to any seed.
     */
    default boolean dependsOnSeed() {
        return true;
    }

    /** Provenance recorded with the study: data source, benchmark version, machine. */
    default java.util.Map<String, String> describe() {
        return java.util.Map.of();
    }

    @Override
    default void close() {
    }
}
