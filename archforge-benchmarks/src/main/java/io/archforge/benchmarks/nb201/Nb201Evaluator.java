package io.archforge.benchmarks.nb201;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.CostMetrics;
import io.archforge.eval.Evaluator;
import io.archforge.eval.TrialPrunedException;
import io.archforge.fidelity.Fidelity;
import io.archforge.fidelity.FidelityKind;
import io.archforge.fidelity.FidelityRange;
import io.archforge.hardware.EnergyModel;
import io.archforge.hardware.HardwareMetrics;
import io.archforge.space.Architecture;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * {@code params} and {@code flops} (millions, see {@link Nb201NetworkCost}),
 * {@code memory_mb} (estimated peak memory of a batch-1 inference at the data set's
 * input size, MB of 10^6 bytes) and {@code energy_mj} (a model-based estimate of one
 * batch-1 inference, millijoules, see {@link EnergyModel#horowitz45nm()}), both
 * computed from the network and not read from the table, {@code latency_ms}
 * (milliseconds) when a device is named, {@code latency_ms@DEVICE} for each extra
 * table device, and {@code training_epochs}, the benchmark epochs the result stands
 * for. Each evaluation also has the attribute {@code energy_model}, which describes
 * the energy estimate. Look-ups are deterministic, so the evaluator is not noisy.
 * Instances are thread-safe.
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
    public static final String LATENCY_MS = HardwareMetrics.LATENCY_MS;
    public static final String MEMORY_MB = HardwareMetrics.MEMORY_MB;
    public static final String ENERGY_MJ = HardwareMetrics.ENERGY_MJ;
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
    /** Metric name of each extra device, by its position in {@link Nb201Table#devices()}. */
    private final Map<Integer, String> extraDevices;
    private final EnergyModel energy = EnergyModel.horowitz45nm();
    private final Set<String> metrics;

    /**
     * Creates an evaluator over {@code table} for one data set and, optionally, one
     * latency device.
     *
     * @throws IllegalArgumentException when the device is not one of
     *     {@link Nb201Table#devices()}; the message lists the valid names
     */
    public Nb201Evaluator(Nb201Table table, Nb201Dataset dataset, Optional<String> device) {
        this(table, dataset, device, List.of());
    }

    /**
     * Creates an evaluator that also reports the table latency of every device in {@code
     * extraDevices} as the metric {@code latency_ms@DEVICE}, such as {@code
     * latency_ms@raspi4}. The main {@code device}, if any, stays {@code latency_ms}; it
     * may also be an extra device. A repeated extra device is reported once.
     *
     * @throws IllegalArgumentException when the device or an extra device is not one of
     *     {@link Nb201Table#devices()}; the message names it and lists the valid names
     */
    public Nb201Evaluator(Nb201Table table, Nb201Dataset dataset, Optional<String> device,
            Collection<String> extraDevices) {
        this.table = Objects.requireNonNull(table, "table");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.device = Objects.requireNonNull(device, "device");
        this.deviceIndex = device.map(table::deviceIndex).orElse(-1);
        Map<Integer, String> extras = new LinkedHashMap<>();
        for (String extra : new LinkedHashSet<>(extraDevices)) {
            extras.put(table.deviceIndex(extra), latencyMetric(extra));
        }
        this.extraDevices = Collections.unmodifiableMap(extras);
        Set<String> names = new LinkedHashSet<>(List.of(TEST_ACCURACY, VALID_ACCURACY_12EP,
                TEST_ACCURACY_12EP, PARAMS, FLOPS, MEMORY_MB, ENERGY_MJ,
                CostMetrics.TRAINING_EPOCHS));
        if (device.isPresent()) {
            names.add(LATENCY_MS);
        }
        names.addAll(extras.values());
        this.metrics = Set.copyOf(names);
    }

    /** Returns the metric name of the latency on table device {@code device}. */
    public static String latencyMetric(String device) {
        return HardwareMetrics.atDevice(LATENCY_MS, device);
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
        values.put(MEMORY_MB, cost.memory().megabytes());
        values.put(ENERGY_MJ, energy.estimateMillijoules(cost.macs(), cost.memory()));
        if (deviceIndex >= 0) {
            values.put(LATENCY_MS, table.latencyMs(index, deviceIndex));
        }
        extraDevices.forEach((position, metric) ->
                values.put(metric, table.latencyMs(index, position)));
        return values;
    }

    private Map<String, String> attributes(int index) {
        return Map.of(
                "nb201_index", Integer.toString(index),
                "nb201_iso_class", Integer.toString(table.isoClass(index)),
                HardwareMetrics.ENERGY_MODEL, energy.description());
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
        if (!extraDevices.isEmpty()) {
            List<String> names = extraDevices.keySet().stream().map(table.devices()::get).toList();
            description.put("extra_devices", String.join(",", names));
        }
        return Map.copyOf(description);
    }
}
