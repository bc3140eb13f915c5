package io.archforge.torch.supernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankingFidelityTest {

    @Test
    void sameOrderIsOne() {
        RankingFidelity fidelity = RankingFidelity.of(new double[] {50, 60, 70, 80},
                new double[] {81, 85, 90, 91});

        assertThat(fidelity.kendallTau()).isEqualTo(1.0);
        assertThat(fidelity.spearman()).isEqualTo(1.0, within(1e-12));
        assertThat(fidelity.count()).isEqualTo(4);
    }

    @Test
    void reversedOrderIsMinusOne() {
        RankingFidelity fidelity = RankingFidelity.of(new double[] {1, 2, 3},
                new double[] {9, 8, 7});

        assertThat(fidelity.kendallTau()).isEqualTo(-1.0);
        assertThat(fidelity.spearman()).isEqualTo(-1.0, within(1e-12));
    }

    @Test
    void oneSwapGivesKnownValues() {
        // One discordant pair of six: tau = (5 - 1) / 6. Rank differences 0, 1, 1, 0:
        // rho = 1 - 6 * 2 / (4 * 15).
        RankingFidelity fidelity = RankingFidelity.of(new double[] {1, 2, 3, 4},
                new double[] {1, 3, 2, 4});

        assertThat(fidelity.kendallTau()).isEqualTo(4.0 / 6, within(1e-12));
        assertThat(fidelity.spearman()).isEqualTo(0.8, within(1e-12));
    }

    @Test
    void mapsPairByArchitecture() {
        CellSpace space = CellSpace.nb201();
        SplittableRandom random = new SplittableRandom(3);
        Map<Architecture, Double> inherited = new LinkedHashMap<>();
        Map<Architecture, Double> standAlone = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            Architecture architecture = space.sample(random);
            inherited.put(architecture, (double) i);
            standAlone.put(architecture, 10.0 - i);
        }
        standAlone.put(space.sample(random), 99.0);

        RankingFidelity fidelity = RankingFidelity.of(inherited, standAlone);

        assertThat(fidelity.count()).isEqualTo(4);
        assertThat(fidelity.kendallTau()).isEqualTo(-1.0);
    }

    @Test
    void singleArchitectureIsRejected() {
        assertThatThrownBy(() -> RankingFidelity.of(new double[] {1}, new double[] {2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
    }
}
