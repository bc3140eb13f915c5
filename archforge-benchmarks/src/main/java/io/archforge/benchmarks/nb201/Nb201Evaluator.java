package io.archforge.benchmarks.nb201;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.CostMetrics;
import io.archforge.eval.Evaluator;
import io.archforge.eval.TrialPrunedException;
import io.archforge.fidelity.Fidelity;
import io.archforge.fidelity.FidelityKind;
import io.archforge.fidelity.FidelityRange;
import io.archforge.space.Architecture;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates NAS-Bench-201 cells by table look-up (Dong and Yang, ICLR 2020).
 *
 * <p>Metrics: {@code test_accuracy} (200-epoch test accuracy, percent),
 * {@code valid_accuracy_12ep} and {@code test_accuracy_12ep} (12-epoch, percent),
 * {@code params} and {@code flops} (millions, see {@link Nb201NetworkCost}), and
 * {@code latency_ms} (milliseconds) when a device is named, and
 * {@code training_epochs}, the benchmark epochs the result stands for. Look-ups are
 * deterministic, so the evaluator is not noisy. Instances are thread-safe.
 *
 * <p>Fidelities: {@code epochs:12} and {@code epochs:200}, which the benchmark trained
 * as separate runs. At 12 epochs {@code test_accuracy} is the 12-epoch test
 * accuracy, so schedulers rank a rung by the same metric at every fidelity, and the
 * result costs 12 epochs. At 200 it costs 200. Under a stopping rule a full evaluation
 * first reports the 12-epoch results at step 12; a trial stopped there costs 12
 * epochs and one that goes on costs 12 + 200.
 */
public final class Nb201Evaluator implements Evaluator {

    public static final String TEST_ACCURACY = "test_accuracy";
    public static final String VALID_ACCURACY_12EP = "valid_accuracy_12ep";
    public static final String TEST_ACCURACY_12EP = "test_accuracy_12ep";
    public static final String PARAMS = "params";
    public static final String FLOPS = "flops";
    public static final String LATENCY_MS = "latency_ms";
    /** The short training run of the benchmark, in epochs. */
    public static final int SHORT_EPOCHS = 12;
    /** The full training run of the benchmark, in epochs. */
    public static final int FULL_EPOCHS = 200;

    private static final FidelityRange FIDELITIES = FidelityRange.discrete(FidelityKind.EPOCHS,
            List.of((double) SHORT_EPOCHS, (double) FULL_EPOCHS));

    private final Nb201Table table;
    private final Nb201Dataset dataset;
    private final Optional<String> device;
    private final int deviceIndex;
    private final Set<String> metrics;

    /**
     * Creates an evaluator over {@code table} for one data set and, optionally, one
     * latency device.
     *
     * @throws IllegalArgumentException when the device is not one of
     *     {@link Nb201Table#devices()}; the message lists the valid names
     */
    public Nb201Evaluator(Nb201Table table, Nb201Dataset dataset, Optional<String> device) {
        this.table = Objects.requireNonNull(table, "table");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.device = Objects.requireNonNull(device, "device");
        this.deviceIndex = device.map(table::deviceIndex).orElse(-1);
        Set<String> names = new LinkedHashSet<>(List.of(TEST_ACCURACY, VALID_ACCURACY_12EP,
                TEST_ACCURACY_12EP, PARAMS, FLOPS, CostMetrics.TRAINING_EPOCHS));
        if (device.isPresent()) {
            names.add(LATENCY_MS);
        }
        this.metrics = Set.copyOf(names);
    }

    /** The data set whose accuracies this evaluator returns. */
    public Nb201Dataset dataset() {
        return dataset;
    }

    @Override
    public Set<String> metrics() {
        return metrics;
    }

    /**
     * Looks the architecture up.
     *
     * @throws IllegalArgumentException when it is not a cell of the nb201 space
     */
    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        int index = table.indexOf(architecture);
        Fidelity fidelity = FIDELITIES.check(context.fidelity().orElse(FIDELITIES.maximum()));
        Map<String, Double> values = staticValues(index);
        if (fidelity.asInt() == SHORT_EPOCHS) {
            values.put(TEST_ACCURACY, table.testAccuracy12(index, dataset));
            values.put(CostMetrics.TRAINING_EPOCHS, (double) SHORT_EPOCHS);
            return new Evaluation(values, attributes(index));
        }
        double epochs = FULL_EPOCHS;
        if (context.earlyStopping()) {
            epochs += SHORT_EPOCHS;
            context.report(SHORT_EPOCHS, TEST_ACCURACY, table.testAccuracy12(index, dataset));
            context.report(SHORT_EPOCHS, VALID_ACCURACY_12EP, table.validAccuracy12(index, dataset));
            if (context.shouldPrune()) {
                values.put(TEST_ACCURACY, table.testAccuracy12(index, dataset));
                values.put(CostMetrics.TRAINING_EPOCHS, (double) SHORT_EPOCHS);
                throw new TrialPrunedException(SHORT_EPOCHS, values);
            }
            context.report(FULL_EPOCHS, TEST_ACCURACY, table.testAccuracy(index, dataset));
        }
        values.put(TEST_ACCURACY, table.testAccuracy(index, dataset));
        values.put(CostMetrics.TRAINING_EPOCHS, epochs);
        return new Evaluation(values, attributes(index));
    }

    /** Collects the values that do not depend on the fidelity. */
    private Map<String, Double> staticValues(int index) {
        Nb201NetworkCost.Cost cost = Nb201NetworkCost.of(table.genes(index), dataset);
        Map<String, Double> values = new HashMap<>();
        values.put(VALID_ACCURACY_12EP, table.validAccuracy12(index, dataset));
        values.put(TEST_ACCURACY_12EP, table.testAccuracy12(index, dataset));
        values.put(PARAMS, cost.params());
        values.put(FLOPS, cost.flops());
        if (deviceIndex >= 0) {
            values.put(LATENCY_MS, table.latencyMs(index, deviceIndex));
        }
        return values;
    }

    private Map<String, String> attributes(int index) {
        return Map.of(
                "nb201_index", Integer.toString(index),
                "nb201_iso_class", Integer.toString(table.isoClass(index)));
    }

    @Override
    public Optional<FidelityRange> fidelityRange() {
        return Optional.of(FIDELITIES);
    }

    @Override
    public boolean dependsOnSeed() {
        return false;
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> description = new HashMap<>();
        description.put("benchmark", "NAS-Bench-201");
        description.put("dataset", dataset.id());
        description.put("table", Nb201Table.RESOURCE);
        device.ifPresent(name -> description.put("device", name));
        return Map.copyOf(description);
    }
}
