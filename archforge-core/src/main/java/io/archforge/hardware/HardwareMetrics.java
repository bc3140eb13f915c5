package io.archforge.hardware;

/**
 * Names and units of the hardware metrics and attributes that evaluators report.
 *
 * <p>A megabyte (MB) here is 10^6 bytes, not 2^20.
 */
public final class HardwareMetrics {

    /** Batch-1 inference latency, in milliseconds. */
    public static final String LATENCY_MS = "latency_ms";
    /**
     * The 90th percentile of the same batch-1 timings, in milliseconds: a bound on it
     * also holds for the slow tail, which a bound on the median does not.
     */
    public static final String LATENCY_P90_MS = "latency_p90_ms";

    /**
     * Estimated peak memory of a batch-1 inference, in MB: parameter bytes plus the peak
     * of live activation bytes, see {@link MemoryEstimate}.
     */
    public static final String MEMORY_MB = "memory_mb";

    /** Estimated energy of one batch-1 inference, in millijoules, see {@link EnergyModel}. */
    public static final String ENERGY_MJ = "energy_mj";

    /** The attribute that describes the energy model behind {@link #ENERGY_MJ}. */
    public static final String ENERGY_MODEL = "energy_model";

    /** Bytes in one megabyte as these metrics count it. */
    public static final double BYTES_PER_MB = 1e6;

    private HardwareMetrics() {
    }

    /**
     * Returns the name of {@code metric} measured on {@code device}, such as {@code
     * latency_ms@raspi4}.
     *
     * @throws IllegalArgumentException when the device name is blank or contains '@'
     */
    public static String atDevice(String metric, String device) {
        if (device.isBlank() || device.contains("@")) {
            throw new IllegalArgumentException("invalid device name '" + device
                    + "': use a non-blank name without '@', such as raspi4");
        }
        return metric + "@" + device;
    }
}
