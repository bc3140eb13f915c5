package io.archforge.benchmarks.graph;

import io.archforge.benchmarks.tables.NasBenchGraphTable;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates architectures of the {@code nasbench-graph} space by look-up in the
 * NAS-Bench-Graph table of one data set. Each architecture is first mapped to the
 * representative of its group ({@link NasBenchGraphEquivalence}), so every gene
 * vector with a non-skip layer finds a row.
 *
 * <p>Metrics: {@value #VALID_ACCURACY} and {@value #TEST_ACCURACY} (percent),
 * {@value #LATENCY_MS} (the benchmark's measured inference latency, milliseconds) and
 * {@value #PARAMS} (in millions). The attribute {@value #REPRESENTATIVE} names the row the
 * values came from. Look-ups are deterministic and do not depend on the seed.
 * Instances are immutable and thread-safe.
 */
public final class NasBenchGraphEvaluator implements Evaluator {

    /** The validation accuracy, percent. */
    public static final String VALID_ACCURACY = "valid_accuracy";
    /** The test accuracy, percent. */
    public static final String TEST_ACCURACY = "test_accuracy";
    /** The benchmark's measured latency, milliseconds. */
    public static final String LATENCY_MS = "latency_ms";
    /** The parameter count. */
    public static final String PARAMS = "params";
    /** The attribute that names the table row an evaluation came from. */
    public static final String REPRESENTATIVE = "nasbench_graph_representative";

    private static final Set<String> METRICS =
            Set.of(VALID_ACCURACY, TEST_ACCURACY, LATENCY_MS, PARAMS);

    private final NasBenchGraphTable table;

    /** Creates an evaluator over the table of one data set. */
    public NasBenchGraphEvaluator(NasBenchGraphTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Returns the table the values come from. */
    public NasBenchGraphTable table() {
        return table;
    }

    @Override
    public Set<String> metrics() {
        return METRICS;
    }

    /**
     * Looks the representative of {@code architecture} up.
     *
     * @throws IllegalArgumentException when it is not of the nasbench-graph space, or all
     *     its layers are {@code skip}, which the benchmark did not train
     */
    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        Architecture row = lookUp(architecture);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(VALID_ACCURACY, 100 * table.value(row));
        values.put(TEST_ACCURACY, 100 * table.testAccuracy(row));
        values.put(LATENCY_MS, 1000 * table.latencySeconds(row));
        values.put(PARAMS, table.paramsMillions(row));
        return new Evaluation(values, Map.of(REPRESENTATIVE, row.text()));
    }

    /**
     * Returns the table row that stands for {@code architecture}: the representative of
     * its group.
     *
     * @throws IllegalArgumentException when all its layers are {@code skip}
     */
    public Architecture lookUp(Architecture architecture) {
        if (NasBenchGraphEquivalence.isIdentity(architecture)) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' has only skip layers, so it passes the input features through"
                    + " unchanged; NAS-Bench-Graph trained no such network. Give at least"
                    + " one layer an operation other than skip");
        }
        return NasBenchGraphEquivalence.representative(architecture);
    }

    @Override
    public boolean dependsOnSeed() {
        return false;
    }

    @Override
    public Map<String, String> describe() {
        return Map.of("benchmark", NasBenchGraphTable.BENCHMARK, "dataset", table.dataset());
    }
}
