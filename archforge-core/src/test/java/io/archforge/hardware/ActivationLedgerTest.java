package io.archforge.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.hardware.ActivationLedger.Tensor;
import org.junit.jupiter.api.Test;

class ActivationLedgerTest {

    /*
     * Input x (100 bytes), then a residual block: y = f(x) (100), z = g(y) (50), the
     * identity branch shares x, and the sum s (50) is allocated while x and z are alive.
     * Live bytes at each allocation: x 100; y 200; z 250 (x, y, z), y freed: 150;
     * s 200 (x, z, s). Peak 250, allocated 300.
     */
    @Test
    void residualBlockPeak() {
        ActivationLedger ledger = new ActivationLedger();
        Tensor x = ledger.allocate(100);
        Tensor y = ledger.allocate(100);
        Tensor z = ledger.allocate(50);
        ledger.release(y);
        ledger.retain(x);
        Tensor s = ledger.allocate(50);
        ledger.release(z);
        ledger.release(x);
        ledger.release(x);

        assertThat(ledger.peakBytes()).isEqualTo(250);
        assertThat(ledger.allocatedBytes()).isEqualTo(300);
        assertThat(ledger.liveBytes()).isEqualTo(s.bytes());
    }

    @Test
    void estimateAddsParameters() {
        ActivationLedger ledger = new ActivationLedger();
        ledger.allocate(3_000_000);

        MemoryEstimate estimate = ledger.estimate(1_500_000);

        assertThat(estimate.peakBytes()).isEqualTo(4_500_000);
        assertThat(estimate.megabytes()).isEqualTo(4.5);
    }

    @Test
    void releaseOfFreedTensorFails() {
        ActivationLedger ledger = new ActivationLedger();
        Tensor x = ledger.allocate(8);
        ledger.release(x);

        assertThatThrownBy(() -> ledger.release(x)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already freed");
    }
}
