package io.archforge.benchmarks.hwgpt;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A device that HW-GPT-Bench measured latency on, and for most devices energy.
 *
 * <p>GPUs keep the benchmark's keys. The benchmark's raw files name each CPU by the
 * cluster node it ran on ({@code cpu_meta}, {@code helix_cpu}, ...), and its released
 * interface names them by processor ({@code cpu_xeon_gold}, ...). The pairing of the two
 * is an inference from matching value ranges against the benchmark's normalisation
 * statistics, not a statement of the benchmark; {@link #column} keeps the node name, and
 * {@link #name} the processor name. {@code cpu_p100} is not in the released interface
 * and keeps its node name.
 *
 * @param name the device name used on the command line and after {@code @} in metric names
 * @param column the device key in the bundled table's column names
 * @param gpu whether it is a GPU
 * @param description what the device is, for help text and documentation
 * @param hasEnergy whether the table contains its energy
 * @param memoryColumn the table column of its memory, if measured
 */
public record HwGptDevice(String name, String column, boolean gpu, String description,
        boolean hasEnergy, Optional<String> memoryColumn) {

    /** Every device, GPUs first, in the table's column order. */
    public static final List<HwGptDevice> ALL = List.of(
            gpu("a100", "a100", "NVIDIA A100, bfloat16", Optional.of("mem_a100_bf16_MB")),
            gpu("a40", "a40", "NVIDIA A40, bfloat16", Optional.empty()),
            gpu("a6000", "a6000", "NVIDIA RTX A6000, bfloat16", Optional.empty()),
            gpu("h100", "h100", "NVIDIA H100, bfloat16", Optional.empty()),
            gpu("rtx2080", "rtx2080", "NVIDIA RTX 2080, float16",
                    Optional.of("mem_rtx2080_fp16_MB")),
            gpu("rtx3080", "rtx3080", "NVIDIA RTX 3080, float16", Optional.empty()),
            gpu("v100", "v100", "NVIDIA V100, float16", Optional.empty()),
            gpu("p100", "P100", "NVIDIA P100, float16", Optional.empty()),
            cpu("cpu_xeon_gold", "cpu_meta", "Intel Xeon Gold (inferred), node cpu_meta", true),
            cpu("cpu_xeon_silver", "cpu_mlgpu", "Intel Xeon Silver (inferred), node cpu_mlgpu",
                    true),
            cpu("cpu_amd_7502", "cpu_alldlc", "AMD EPYC 7502 (inferred), node cpu_alldlc", true),
            cpu("cpu_amd_7452", "cpu_a6000", "AMD EPYC 7452 (inferred), node cpu_a6000", true),
            cpu("cpu_amd_7513", "helix_cpu", "AMD EPYC 7513 (inferred), node helix_cpu", true),
            cpu("cpu_p100", "cpu_p100", "CPU of node cpu_p100, model unknown, no energy",
                    false));

    public HwGptDevice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(memoryColumn, "memoryColumn");
    }

    private static HwGptDevice gpu(String name, String column, String description,
            Optional<String> memory) {
        return new HwGptDevice(name, column, true, description, true, memory);
    }

    private static HwGptDevice cpu(String name, String column, String description,
            boolean energy) {
        return new HwGptDevice(name, column, false, description, energy, Optional.empty());
    }

    /**
     * Returns the device named {@code text}: its name or its table key, in any case, such
     * as {@code a100}, {@code P100}, {@code cpu_xeon_gold} or {@code cpu_meta}.
     */
    public static Optional<HwGptDevice> find(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(d -> d.name.equals(key)
                || d.column.toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    /** Returns the device names, in {@link #ALL} order. */
    public static List<String> names() {
        return ALL.stream().map(HwGptDevice::name).toList();
    }

    /** Returns the table column of its mean latency in milliseconds. */
    public String latencyColumn() {
        return "lat_" + column + "_ms";
    }

    /** Returns the table column of its mean energy per forward pass in watt-hours. */
    public String energyColumn() {
        return "energy_" + column + "_Wh";
    }
}
