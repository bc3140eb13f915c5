package io.archforge.torch.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The settings of attacks: names, epsilon range and PGD steps. */
class AttackTest {

    @Test
    void namesCreateTheirAttacks() {
        for (String name : Attack.names()) {
            Attack attack = Attack.of(name, 0.1);

            assertThat(attack.name()).isEqualTo(name);
            assertThat(attack.epsilon()).isEqualTo(0.1);
        }
        assertThat(Attack.of("PGD", 0.2)).isEqualTo(new Attack.Pgd(0.2, 10));
    }

    @Test
    void unknownNameIsRejected() {
        assertThatThrownBy(() -> Attack.of("cw", 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cw'")
                .hasMessageContaining("noise, fgsm, pgd");
    }

    @Test
    void epsilonOutsideUnitRangeIsRejected() {
        for (double epsilon : new double[] {-0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new Attack.Fgsm(epsilon)).as("epsilon %s", epsilon)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid epsilon " + epsilon);
        }
    }

    @Test
    void unitRangeEndsAreAccepted() {
        assertThat(new Attack.GaussianNoise(0).epsilon()).isZero();
        assertThat(new Attack.Contrast(1).epsilon()).isEqualTo(1.0);
    }

    @Test
    void pgdNeedsOneStep() {
        assertThatThrownBy(() -> new Attack.Pgd(0.1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid PGD steps 0");
    }

    @Test
    void onlyGradientAttacksUseGradients() {
        assertThat(new Attack.Fgsm(0.1).usesGradient()).isTrue();
        assertThat(new Attack.Pgd(0.1, 10).usesGradient()).isTrue();
        assertThat(new Attack.GaussianNoise(0.1).usesGradient()).isFalse();
    }
}
