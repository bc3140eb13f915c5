package io.archforge.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SwapRuleTest {

    @Test
    void swapNeedsWinsInRecentChecks() {
        SwapRule rule = new SwapRule(4, 3, 0.02);

        assertThat(rule.check(1.0, Map.of(7L, 0.9))).isEmpty();
        assertThat(rule.check(1.0, Map.of(7L, 1.1))).isEmpty();
        assertThat(rule.check(1.0, Map.of(7L, 0.9))).isEmpty();

        assertThat(rule.check(1.0, Map.of(7L, 0.9))).isEqualTo(OptionalLong.of(7));
    }

    @Test
    void marginDecidesWin() {
        SwapRule rule = new SwapRule(1, 1, 0.05);

        assertThat(rule.check(1.0, Map.of(3L, 0.96))).isEmpty();
        assertThat(rule.check(1.0, Map.of(3L, 0.94))).isEqualTo(OptionalLong.of(3));
    }

    @Test
    void swapClearsHistories() {
        SwapRule rule = new SwapRule(2, 2, 0);
        rule.check(1.0, Map.of(1L, 0.5, 2L, 0.8));

        assertThat(rule.check(1.0, Map.of(1L, 0.5, 2L, 0.8))).isEqualTo(OptionalLong.of(1));
        assertThat(rule.check(0.5, Map.of(2L, 0.4))).isEmpty();
    }

    @Test
    void bestWinnerIsChosen() {
        SwapRule rule = new SwapRule(1, 1, 0);

        assertThat(rule.check(1.0, Map.of(1L, 0.8, 2L, 0.6, 3L, 1.2)))
                .isEqualTo(OptionalLong.of(2));
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> new SwapRule(2, 3, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 of 2");
    }
}
