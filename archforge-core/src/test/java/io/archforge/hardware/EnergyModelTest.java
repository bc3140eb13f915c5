package io.archforge.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EnergyModelTest {

    /*
     * 1,000 MACs, 100 parameter words (400 bytes) and 200 activation words (800 bytes):
     *   compute 1,000 * (3.7 + 0.9 + 2 * 5) = 14,600 pJ
     *   DRAM    (100 + 200) * 640          = 192,000 pJ
     *   total 206,600 pJ = 2.066e-4 mJ
     */
    @Test
    void handComputedInference() {
        MemoryEstimate memory = new MemoryEstimate(400, 100, 800);

        double energy = EnergyModel.horowitz45nm().estimateMillijoules(1_000, memory);

        assertThat(energy).isCloseTo(2.066e-4, within(1e-12));
    }

    @Test
    void peakActivationsCostNothingExtra() {
        EnergyModel model = EnergyModel.horowitz45nm();

        double low = model.estimateMillijoules(10, new MemoryEstimate(40, 4, 80));
        double high = model.estimateMillijoules(10, new MemoryEstimate(40, 80, 80));

        assertThat(high).isEqualTo(low);
    }

    @Test
    void descriptionSaysEstimateAndSource() {
        String text = EnergyModel.horowitz45nm().description();

        assertThat(text).startsWith("model-based estimate").contains("640 pJ")
                .contains("Horowitz").doesNotContain("\n");
        assertThat(new EnergyModel(1, 1, 1, 1).description()).doesNotContain("Horowitz");
    }

    @Test
    void rejectsNegativeInputs() {
        assertThatThrownBy(() -> new EnergyModel(-1, 0.9, 5, 640))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1.0");
        MemoryEstimate memory = new MemoryEstimate(0, 0, 0);
        assertThatThrownBy(() -> EnergyModel.horowitz45nm().estimateMillijoules(-5, memory))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
    }
}
