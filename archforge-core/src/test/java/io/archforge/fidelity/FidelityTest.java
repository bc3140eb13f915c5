package io.archforge.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FidelityTest {

    @Test
    void textFormRoundTrips() {
        assertThat(Fidelity.parse("epochs:12")).isEqualTo(Fidelity.epochs(12));
        assertThat(Fidelity.epochs(12).toString()).isEqualTo("epochs:12");
        assertThat(Fidelity.parse(Fidelity.dataFraction(0.25).toString()))
                .isEqualTo(Fidelity.dataFraction(0.25));
    }

    @Test
    void badTextNamesTheValueAndTheForm() {
        assertThatThrownBy(() -> Fidelity.parse("12")).hasMessageContaining("'12'")
                .hasMessageContaining("KIND:VALUE");
        assertThatThrownBy(() -> Fidelity.parse("steps:3")).hasMessageContaining("steps")
                .hasMessageContaining("epochs, data_fraction");
        assertThatThrownBy(() -> Fidelity.dataFraction(1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> Fidelity.epochs(0)).hasMessageContaining("positive");
    }

    @Test
    void aContinuousRangeAcceptsValuesBetweenItsBounds() {
        FidelityRange range = FidelityRange.continuous(FidelityKind.EPOCHS, 1, 9);
        assertThat(range.accepts(Fidelity.epochs(4))).isTrue();
        assertThat(range.accepts(Fidelity.epochs(10))).isFalse();
        assertThat(range.accepts(Fidelity.dataFraction(0.5))).isFalse();
        assertThatThrownBy(() -> range.check(Fidelity.epochs(10)))
                .hasMessageContaining("epochs:10").hasMessageContaining("epochs:1 to epochs:9");
    }
}
