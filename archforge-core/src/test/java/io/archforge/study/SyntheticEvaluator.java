package io.archforge.study;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deterministic stand-in for a benchmark over the nb201 space: accuracy grows
 * with the convolutions on the cell's edges, latency with their cost.
 */
class SyntheticEvaluator implements Evaluator {

    private static final CellSpace NB201 = CellSpace.nb201();

    /** Architectures in the order they were evaluated. */
    final List<Architecture> evaluated = new ArrayList<>();

    @Override
    public Set<String> metrics() {
        return Set.of("accuracy", "latency_ms");
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        evaluated.add(architecture);
        return Evaluation.of(Map.of(
                "accuracy", accuracy(architecture), "latency_ms", latency(architecture)));
    }

    static double accuracy(Architecture cell) {
        double accuracy = 10;
        for (int edge = 0; edge < 6; edge++) {
            accuracy += switch (NB201.operation(cell, edge)) {
                case "nor_conv_3x3" -> 12 + edge;
                case "nor_conv_1x1" -> 8 + edge;
                case "skip_connect" -> 3;
                case "avg_pool_3x3" -> 2;
                default -> 0;
            };
        }
        return accuracy;
    }

    static double latency(Architecture cell) {
        double latency = 1;
        for (int edge = 0; edge < 6; edge++) {
            String operation = NB201.operation(cell, edge);
            if (operation.equals("nor_conv_3x3")) {
                latency += 3;
            } else if (operation.equals("nor_conv_1x1")) {
                latency += 1;
            }
        }
        return latency;
    }
}
