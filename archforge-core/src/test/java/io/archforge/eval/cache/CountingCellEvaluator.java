package io.archforge.eval.cache;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic evaluator over the nb201 cell space that counts its calls. Accuracy
 * grows with the convolutions of the cell. The fidelity's text and the trial seed are
 * returned as attributes, so a test can check which evaluation it received.
 */
class CountingCellEvaluator implements Evaluator {

    static final CellSpace NB201 = CellSpace.nb201();

    final AtomicInteger calls = new AtomicInteger();
    private final boolean noisy;
    private final boolean seedMatters;
    boolean closed;

    CountingCellEvaluator(boolean noisy, boolean seedMatters) {
        this.noisy = noisy;
        this.seedMatters = seedMatters;
    }

    @Override
    public Set<String> metrics() {
        return Set.of("accuracy");
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        calls.incrementAndGet();
        double accuracy = 10;
        for (int edge = 0; edge < NB201.edgeCount(); edge++) {
            String operation = NB201.operation(architecture, edge);
            accuracy += operation.startsWith("nor_conv") ? 10 + edge : 0;
        }
        return new Evaluation(Map.of("accuracy", accuracy), Map.of(
                "fidelity_seen", context.fidelity().map(Object::toString).orElse("none"),
                "seed_seen", Long.toString(context.seed())));
    }

    @Override
    public boolean isNoisy() {
        return noisy;
    }

    @Override
    public boolean dependsOnSeed() {
        return seedMatters;
    }

    @Override
    public void close() {
        closed = true;
    }
}
