package io.archforge.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategiesTest {

    @Test
    void createsByName() {
        assertThat(Strategies.create("random", Map.of())).isInstanceOf(RandomSearch.class);
        assertThat(Strategies.create("evolution", Map.of("population", "30")))
                .isInstanceOfSatisfying(RegularizedEvolution.class, e -> assertThat(e.options())
                        .isEqualTo(new EvolutionOptions(30, 20)));
        assertThat(Strategies.names())
                .startsWith("random", "evolution", "reinforce", "local-search");
    }

    @Test
    void unknownNameListsValidOnes() {
        assertThatThrownBy(() -> Strategies.create("bayes", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown strategy 'bayes'")
                .hasMessageContaining("[random, evolution, reinforce, local-search");
    }

    @Test
    void randomSearchRejectsOptions() {
        assertThatThrownBy(() -> Strategies.create("random", Map.of("population", "3")))
                .hasMessageContaining("[population]").hasMessageContaining("takes no options");
    }

    @Test
    void evolutionOptionsDefaultsAndRoundTrip() {
        EvolutionOptions defaults = EvolutionOptions.parse(Map.of());
        EvolutionOptions custom = new EvolutionOptions(50, 10);

        assertThat(defaults).isEqualTo(new EvolutionOptions(20, 20));
        assertThat(EvolutionOptions.parse(custom.toMap())).isEqualTo(custom);
        assertThat(EvolutionOptions.parse(Map.of("population", "3")).sampleSize()).isEqualTo(3);
    }

    @Test
    void evolutionOptionsErrors() {
        assertThatThrownBy(() -> EvolutionOptions.parse(Map.of("pop", "3", "tournament", "2")))
                .hasMessageContaining("unknown evolution options [pop, tournament]")
                .hasMessageContaining("[population, sample_size, stagnation_patience");
        assertThatThrownBy(() -> EvolutionOptions.parse(Map.of("population", "many")))
                .hasMessageContaining("population must be an integer, got 'many'");
        assertThatThrownBy(() -> new EvolutionOptions(1, 1))
                .hasMessageContaining("at least 2, got 1");
        assertThatThrownBy(() -> new EvolutionOptions(10, 11))
                .hasMessageContaining("from 1 to the population 10, got 11");
    }
}
