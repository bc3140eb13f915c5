package io.archforge.torch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The CPU model, clock and vector extensions from Linux's {@code /proc/cpuinfo}, and an
 * estimate of one core's peak float32 throughput.
 *
 * @param model the first processor's model name, or "unknown"
 * @param megahertz the first processor's current clock, or 0 when not reported
 * @param flags the first processor's feature flags
 */
public record CpuInfo(String model, double megahertz, Set<String> flags) {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    public CpuInfo {
        flags = Set.copyOf(flags);
    }

    /** Reads {@code /proc/cpuinfo}, or returns an unknown CPU where it does not exist. */
    public static CpuInfo read() {
        if (!Files.isReadable(CPUINFO)) {
            return new CpuInfo("unknown", 0, Set.of());
        }
        try {
            return parse(Files.readAllLines(CPUINFO));
        } catch (IOException e) {
            return new CpuInfo("unknown", 0, Set.of());
        }
    }

    static CpuInfo parse(List<String> lines) {
        String model = null;
        double megahertz = 0;
        Set<String> flags = null;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("model name") && model == null) {
                model = value;
            } else if (key.equals("cpu MHz") && megahertz == 0) {
                megahertz = Double.parseDouble(value);
            } else if (key.equals("flags") && flags == null) {
                flags = Set.of(value.split("\\s+"));
            }
        }
        return new CpuInfo(model == null ? "unknown" : model, megahertz,
                flags == null ? Set.of() : flags);
    }

    /**
     * Float32 FLOPs per cycle of one core, assuming two fused multiply-add units: 64 with
     * AVX-512, 32 with AVX2 and FMA, 16 with AVX, 8 otherwise. Cores with one AVX-512
     * unit reach half the AVX-512 figure.
     */
    public int flopsPerCycle() {
        if (flags.contains("avx512f")) {
            return 64;
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            return 32;
        }
        return flags.contains("avx") ? 16 : 8;
    }

    /**
     * Estimates one core's peak float32 GFLOP/s as the reported clock times {@link
     * #flopsPerCycle()}. Returns empty when the clock is unknown. Turbo clocks can exceed
     * the estimate.
     */
    public OptionalDouble peakGflopsPerCore() {
        return megahertz > 0
                ? OptionalDouble.of(megahertz * flopsPerCycle() / 1000)
                : OptionalDouble.empty();
    }
}
