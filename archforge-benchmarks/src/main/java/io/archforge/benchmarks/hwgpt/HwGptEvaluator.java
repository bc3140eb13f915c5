package io.archforge.benchmarks.hwgpt;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.hardware.HardwareMetrics;
import io.archforge.space.Architecture;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Looks an architecture up in an {@link HwGptTable}.
 *
 * <p>Metrics: {@value #PERPLEXITY} and {@value #TOKEN_ACCURACY} (percent) where the table
 * has them for every row, which is only in size s; {@value #PARAMS} and
 * {@value #FLOPS} (both in millions); for every device {@code D}, {@code latency_ms@D}, {@code energy_mj@D}
 * where its energy was measured and {@code memory_mb@D} where its memory was measured;
 * and with a study device the same three metrics without {@code @D}. Energy is the
 * table's watt-hours times 3.6e6, in millijoules. Every value is a measurement of the
 * benchmark: nothing is estimated, and a metric is listed only when every row has it.
 */
public final class HwGptEvaluator implements Evaluator {

    /** The validation perplexity, lower is better. */
    public static final String PERPLEXITY = "perplexity";
    /** The next-token accuracy in percent. */
    public static final String TOKEN_ACCURACY = "token_accuracy";
    /** The parameter count. */
    public static final String PARAMS = "params";
    /** The forward-pass FLOPs at the size's batch. */
    public static final String FLOPS = "flops";
    /** Millijoules per watt-hour. */
    public static final double MILLIJOULES_PER_WH = 3.6e6;

    private final HwGptTable table;
    private final Optional<HwGptDevice> device;
    private final boolean quality;
    private final Set<String> metrics;

    /**
     * Looks results up in {@code table}, with the plain hardware metrics of {@code device}
     * when one is given.
     */
    public HwGptEvaluator(HwGptTable table, Optional<HwGptDevice> device) {
        this.table = Objects.requireNonNull(table, "table");
        this.device = Objects.requireNonNull(device, "device");
        this.quality = table.perplexityCount() == table.rows();
        this.metrics = commonMetrics();
    }

    /** Returns the metrics that every row has, so no evaluation lacks a listed metric. */
    private Set<String> commonMetrics() {
        Set<String> common = new LinkedHashSet<>(values(0).keySet());
        for (int row = 1; row < table.rows(); row++) {
            common.retainAll(values(row).keySet());
        }
        return Set.copyOf(common);
    }

    /** Returns the metric of {@code metric} on {@code device}, such as {@code latency_ms@a100}. */
    public static String onDevice(String metric, HwGptDevice device) {
        return metric + "@" + device.name();
    }

    /** Returns the table it looks results up in. */
    public HwGptTable table() {
        return table;
    }

    /** Returns whether it reports perplexity and token accuracy. */
    public boolean reportsQuality() {
        return quality;
    }

    @Override
    public Set<String> metrics() {
        return metrics;
    }

    /**
     * Returns the measurements of {@code architecture}.
     *
     * @throws IllegalArgumentException when the benchmark did not measure that network,
     *     naming the nearest network it measured
     */
    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        OptionalInt row = table.rowOf(architecture);
        if (row.isEmpty()) {
            Architecture nearest = table.space().project(architecture, new SplittableRandom(0));
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is not one of the " + table.rows() + " networks HW-GPT-Bench measured"
                    + " in " + table.space().name() + ", so it has no results; search with"
                    + " --space " + table.space().name() + ", which proposes measured networks"
                    + " only, or evaluate the nearest measured one: " + nearest.text());
        }
        Map<String, Double> values = values(row.getAsInt());
        values.keySet().retainAll(metrics);
        return new Evaluation(values,
                Map.of("arch_id", table.archId(row.getAsInt())));
    }

    private Map<String, Double> values(int row) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (quality) {
            values.put(PERPLEXITY, table.perplexity(row).orElseThrow());
            values.put(TOKEN_ACCURACY, 100 * table.accuracy(row).orElseThrow());
        }
        values.put(PARAMS, table.params(row) / 1e6);
        values.put(FLOPS, table.flops(row) / 1e6);
        for (HwGptDevice each : HwGptDevice.ALL) {
            Map<String, OptionalDouble> hardware = hardware(row, each);
            hardware.forEach((metric, value) -> value.ifPresent(v ->
                    values.put(onDevice(metric, each), v)));
            if (device.filter(each::equals).isPresent()) {
                hardware.forEach((metric, value) -> value.ifPresent(v -> values.put(metric, v)));
            }
        }
        return values;
    }

    private Map<String, OptionalDouble> hardware(int row, HwGptDevice on) {
        Map<String, OptionalDouble> values = new LinkedHashMap<>();
        values.put(HardwareMetrics.LATENCY_MS, table.latencyMs(row, on));
        OptionalDouble energy = table.energyWh(row, on);
        values.put(HardwareMetrics.ENERGY_MJ, energy.isPresent()
                ? OptionalDouble.of(energy.getAsDouble() * MILLIJOULES_PER_WH)
                : OptionalDouble.empty());
        values.put(HardwareMetrics.MEMORY_MB, table.memoryMb(row, on));
        return values;
    }

    @Override
    public boolean isNoisy() {
        return false;
    }

    @Override
    public boolean dependsOnSeed() {
        return false;
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> description = new LinkedHashMap<>();
        description.put("benchmark", "HW-GPT-Bench");
        description.put("space", table.space().name());
        description.put("table", String.format(HwGptTable.RESOURCE_PATTERN,
                table.size().letter()));
        device.ifPresent(d -> description.put("device", d.name()));
        return Map.copyOf(description);
    }
}
