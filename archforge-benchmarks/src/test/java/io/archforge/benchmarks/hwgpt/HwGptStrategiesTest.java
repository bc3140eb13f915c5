package io.archforge.benchmarks.hwgpt;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.benchmarks.TableLookupContext;
import io.archforge.eval.Evaluation;
import io.archforge.refine.ConfinedStrategy;
import io.archforge.refine.MeasuredStrategy;
import io.archforge.space.HwGptSpace;
import io.archforge.space.MeasuredSpace;
import io.archforge.space.SearchSpaces;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.Trial;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Short searches of every built-in strategy on the measured GPT-S space. */
class HwGptStrategiesTest {

    private static final int TRIALS = 20;
    private static final Set<String> MULTI_OBJECTIVE = Set.of("nsga2", "mo-evolution", "mo-bo");

    static List<String> strategies() {
        return Strategies.names();
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void strategyProposesMeasuredRows(String strategy) {
        List<FrozenTrial> trials = search(strategy, 7);
        MeasuredSpace space = HwGptTable.of(HwGptSpace.Size.S).space();

        assertThat(trials).hasSize(TRIALS);
        for (FrozenTrial trial : trials) {
            assertThat(trial.error()).as(trial.architecture()).isEmpty();
            assertThat(space.contains(space.parse(trial.architecture())))
                    .as(trial.architecture()).isTrue();
            assertThat(trial.metrics()).containsKeys("perplexity", "latency_ms@a100");
        }
    }

    @Test
    void movedProposalRecordsItsOrigin() {
        MeasuredSpace space = HwGptTable.of(HwGptSpace.Size.S).space();
        List<FrozenTrial> trials = search("reinforce", 3);
        List<FrozenTrial> moved = trials.stream()
                .filter(t -> t.attributes().containsKey(MeasuredStrategy.MOVED_FROM)).toList();

        assertThat(moved).isNotEmpty();
        for (FrozenTrial trial : moved) {
            String origin = trial.attributes().get(MeasuredStrategy.MOVED_FROM);
            assertThat(space.contains(space.parse(origin))).isFalse();
            assertThat(origin).isNotEqualTo(trial.architecture());
        }
    }

    @Test
    void searchedSpaceIsMeasuredSpace() {
        assertThat(SearchSpaces.byName("hwgpt-s")).isInstanceOf(MeasuredSpace.class);
        assertThat(ConfinedStrategy.confine(Strategies.create("random", Map.of()),
                SearchSpaces.byName("hwgpt-m"))).isInstanceOf(MeasuredStrategy.class);
    }

    private static List<FrozenTrial> search(String strategy, long seed) {
        HwGptTable table = HwGptTable.of(HwGptSpace.Size.S);
        MeasuredSpace space = table.space();
        HwGptEvaluator evaluator = new HwGptEvaluator(table, Optional.empty());
        List<Objective> objectives = MULTI_OBJECTIVE.contains(strategy)
                ? List.of(Objective.minimize("perplexity"), Objective.minimize("latency_ms@a100"))
                : List.of(Objective.minimize("perplexity"));
        StudyConfig config = new StudyConfig(strategy, space.name(), "hwgpt",
                Map.of("dataset", "s"), strategy, Map.of(), objectives, seed);
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, space,
                    ConfinedStrategy.confine(Strategies.create(strategy, Map.of()), space));
            for (int t = 0; t < TRIALS; t++) {
                Trial trial = study.ask();
                Evaluation evaluation =
                        evaluator.evaluate(trial.architecture(), new TableLookupContext(trial));
                study.tell(trial, evaluation);
            }
            return study.trials();
        }
    }
}
