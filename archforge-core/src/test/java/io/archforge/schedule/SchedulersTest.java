package io.archforge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.fidelity.Fidelity;
import io.archforge.fidelity.FidelityKind;
import io.archforge.fidelity.FidelityRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulersTest {

    @Test
    void createsEverySchedulerByName() {
        for (String name : Schedulers.names()) {
            assertThat(Schedulers.create(name, Map.of()).name()).isEqualTo(name);
        }
        assertThat(Schedulers.strategyFor(Schedulers.create("bohb", Map.of()))).hasValue("tpe");
        assertThat(Schedulers.strategyFor(Schedulers.create("asha", Map.of()))).isEmpty();
    }

    @Test
    void rejectsAReductionFactorBelowTwoAndUnknownNames() {
        assertThatThrownBy(() -> Schedulers.create("hyperband", Map.of("eta", "1.5")))
                .hasMessageContaining("eta").hasMessageContaining("at least 2").hasMessageContaining("1.5");
        assertThatThrownBy(() -> Schedulers.create("sha", Map.of()))
                .hasMessageContaining("'sha'").hasMessageContaining("hyperband");
    }

    @Test
    void rungsDivideTheFullFidelityByEta() {
        FidelityRange epochs = FidelityRange.continuous(FidelityKind.EPOCHS, 1, 27);
        RungScheduler asha = (RungScheduler) Schedulers.create("asha", Map.of());
        assertThat(Schedulers.rungs(asha, epochs)).containsExactly(Fidelity.epochs(1),
                Fidelity.epochs(3), Fidelity.epochs(9), Fidelity.epochs(27));
        RungScheduler coarse = (RungScheduler) Schedulers.create("asha",
                Map.of("eta", "4", "min_fidelity", "2"));
        assertThat(Schedulers.rungs(coarse, epochs)).containsExactly(Fidelity.epochs(2),
                Fidelity.epochs(8), Fidelity.epochs(27));
    }

    @Test
    void aDiscreteRangeKeepsItsLevels() {
        FidelityRange nb201 = FidelityRange.discrete(FidelityKind.EPOCHS, List.of(12.0, 200.0));
        RungScheduler hyperband = (RungScheduler) Schedulers.create("hyperband", Map.of());
        assertThat(Schedulers.rungs(hyperband, nb201))
                .containsExactly(Fidelity.epochs(12), Fidelity.epochs(200));
    }

    @Test
    void aMinimumFidelityOutsideTheRangeIsRejectedWithTheAllowedValues() {
        FidelityRange nb201 = FidelityRange.discrete(FidelityKind.EPOCHS, List.of(12.0, 200.0));
        RungScheduler sh = (RungScheduler) Schedulers.create("sh", Map.of("min_fidelity", "50"));
        assertThatThrownBy(() -> Schedulers.rungs(sh, nb201))
                .hasMessageContaining("min_fidelity=50").hasMessageContaining("one of 12, 200");
    }
}
