package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.eval.Evaluation;
import io.archforge.space.TinyGptSpace.Block;
import io.archforge.space.TinyGptSpace.Config;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.Trial;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Short searches of every built-in strategy on the gpt-tiny space with a formula as score. */
class TinyGptStrategiesTest {

    private static final int TRIALS = 25;
    private static final Set<String> MULTI_OBJECTIVE = Set.of("nsga2", "mo-evolution", "mo-bo");

    static List<String> strategies() {
        return Strategies.names();
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void strategyProposesCanonicalNetworks(String strategy) {
        ChoiceSpace space = TinyGptSpace.create();
        List<FrozenTrial> trials = search(strategy, space);
        Set<String> keys = new HashSet<>();

        assertThat(trials).hasSize(TRIALS);
        for (FrozenTrial trial : trials) {
            assertThat(trial.error()).as(trial.architecture()).isEmpty();
            Architecture architecture = space.parse(trial.architecture());
            assertThat(architecture.text()).isEqualTo(trial.architecture());
            assertThat(keys.add(architecture.isomorphismKey())).as(trial.architecture())
                    .isTrue();
        }
    }

    private static List<FrozenTrial> search(String strategy, ChoiceSpace space) {
        List<Objective> objectives = MULTI_OBJECTIVE.contains(strategy)
                ? List.of(Objective.minimize("perplexity"), Objective.minimize("params"))
                : List.of(Objective.minimize("perplexity"));
        StudyConfig config = new StudyConfig(strategy, space.name(), "formula", Map.of(),
                strategy, Map.of(), objectives, 11);
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, space,
                    Strategies.create(strategy, Map.of()));
            for (int t = 0; t < TRIALS; t++) {
                Trial trial = study.ask();
                study.tell(trial, Evaluation.of(score(TinyGptSpace.config(trial.architecture()))));
            }
            return study.trials();
        }
    }

    /** Scores a network by a formula: deeper and wider is better, more heads slightly worse. */
    private static Map<String, Double> score(Config config) {
        double perplexity = 20.0 - config.embed() / 32.0;
        long params = 0;
        for (Block block : config.blocks()) {
            perplexity -= 1.5 + 0.1 * block.mlpRatio() - 0.05 * block.heads();
            params += (4L + 2L * block.mlpRatio()) * config.embed() * config.embed();
        }
        return Map.of("perplexity", perplexity, "params", (double) params);
    }
}
