package io.archforge.hardware;

import java.util.Locale;

/**
 * A model-based estimate of the energy of one inference from its multiply-accumulates
 * (MACs) and the bytes it moves. It is not a measurement, and it describes no real
 * machine: it prices operations at per-operation energies of a published process.
 *
 * <p>The estimate, in picojoules before conversion to millijoules:
 * <pre>
 *   MACs * (multiply + add + 2 * SRAM word read)
 *     + (parameter bytes + activation bytes) / 4 * DRAM word read
 * </pre>
 * Each MAC is one float32 multiply and one float32 add, and reads its two operands (a
 * weight and an activation) from a small on-chip SRAM, while the partial sum stays in a
 * register. Every parameter and every activation value, the input included, is read
 * from DRAM once per inference as a 32-bit word ({@link MemoryEstimate#parameterBytes()}
 * plus {@link MemoryEstimate#activationBytes()}); writes are not counted. Batch norm,
 * ReLU, pooling and additions, control logic and static power are left out.
 *
 * @param multiplyPj energy of one float32 multiply, in picojoules
 * @param addPj energy of one float32 add, in picojoules
 * @param sramWordPj energy of reading one 32-bit word from a small SRAM, in picojoules
 * @param dramWordPj energy of reading one 32-bit word from DRAM, in picojoules
 */
public record EnergyModel(double multiplyPj, double addPj, double sramWordPj,
        double dramWordPj) {

    /** Bytes in one word of the model: float32. */
    public static final int WORD_BYTES = 4;

    private static final double MILLIJOULES_PER_PICOJOULE = 1e-9;

    public EnergyModel {
        if (!(multiplyPj >= 0) || !(addPj >= 0) || !(sramWordPj >= 0) || !(dramWordPj >= 0)) {
            throw new IllegalArgumentException("operation energies must be non-negative"
                    + " picojoules, got " + multiplyPj + ", " + addPj + ", " + sramWordPj
                    + " and " + dramWordPj);
        }
    }

    /**
     * Returns the energies of a 45 nm process at 0.9 V from M. Horowitz, "Computing's
     * energy problem (and what we can do about it)", ISSCC 2014. A float32 multiply costs
     * 3.7 pJ and a float32 add 0.9 pJ. A 32-bit read of an 8 KB SRAM costs 5 pJ, half of
     * the 10 pJ given for a 64-bit access, and a 32-bit DRAM read 640 pJ.
     */
    public static EnergyModel horowitz45nm() {
        return new EnergyModel(3.7, 0.9, 5, 640);
    }

    /**
     * Estimates the energy of one inference, in millijoules.
     *
     * @param macs multiply-accumulates of the inference
     * @param memory the bytes of its parameters and activations
     * @throws IllegalArgumentException when macs is negative
     */
    public double estimateMillijoules(long macs, MemoryEstimate memory) {
        if (macs < 0) {
            throw new IllegalArgumentException("MACs must be non-negative, got " + macs);
        }
        double compute = macs * (multiplyPj + addPj + 2 * sramWordPj);
        double words = (memory.parameterBytes() + memory.activationBytes())
                / (double) WORD_BYTES;
        return (compute + words * dramWordPj) * MILLIJOULES_PER_PICOJOULE;
    }

    /** Returns a one-line description for the {@link HardwareMetrics#ENERGY_MODEL} attribute. */
    public String description() {
        String text = String.format(Locale.ROOT, "model-based estimate, not measured: per"
                + " float32 MAC %.1f pJ multiply + %.1f pJ add + 2 SRAM word reads of %.1f pJ;"
                + " every parameter and activation word read once from DRAM at %.0f pJ",
                multiplyPj, addPj, sramWordPj, dramWordPj);
        return equals(horowitz45nm()) ? text + " (45 nm energies of Horowitz, ISSCC 2014)"
                : text;
    }
}
