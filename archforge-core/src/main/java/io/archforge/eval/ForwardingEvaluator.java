package io.archforge.eval;

import io.archforge.fidelity.FidelityKind;
import io.archforge.fidelity.FidelityRange;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An evaluator that wraps another and forwards everything but {@link #evaluate}, so a
 * decorator such as a cache overrides only what it changes.
 */
public abstract class ForwardingEvaluator implements Evaluator {

    private final Evaluator delegate;

    protected ForwardingEvaluator(Evaluator delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Returns the wrapped evaluator. */
    public Evaluator delegate() {
        return delegate;
    }

    @Override
    public Set<String> metrics() {
        return delegate.metrics();
    }

    @Override
    public boolean isNoisy() {
        return delegate.isNoisy();
    }

    @Override
    public Optional<FidelityRange> fidelityRange() {
        return delegate.fidelityRange();
    }

    @Override
    public Optional<FidelityRange> fidelityRange(FidelityKind kind) {
        return delegate.fidelityRange(kind);
    }

    @Override
    public boolean dependsOnSeed() {
        return delegate.dependsOnSeed();
    }

    @Override
    public Map<String, String> describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
