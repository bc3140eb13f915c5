package io.archforge.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchEffortTest {

    @Test
    void effortRisesThenDecays() {
        SearchEffort effort = new SearchEffort(1, 4, 3, 0.5);
        assertThat(effort.children()).isEqualTo(1);
        assertThat(effort.mutations()).isEqualTo(1);

        effort.raise();

        assertThat(effort.children()).isEqualTo(4);
        assertThat(effort.mutations()).isEqualTo(3);
        effort.decay();
        assertThat(effort.level()).isEqualTo(0.5);
        assertThat(effort.children()).isEqualTo(3);
        for (int i = 0; i < 10; i++) {
            effort.decay();
        }
        assertThat(effort.children()).isEqualTo(1);
        assertThat(effort.mutations()).isEqualTo(1);
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> new SearchEffort(2, 1, 1, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2, 1, 1, 0.5");
    }
}
