package io.archforge.space.declared;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.eval.Evaluation;
import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.Trial;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every built-in strategy past its random start on a declared space with integer,
 * categorical, log-scaled real and cell-edge choices, scored by a formula.
 */
class DeclaredSpaceStrategiesTest {

    private static final int TRIALS = 30;
    private static final Set<String> MULTI_OBJECTIVE = Set.of("nsga2", "mo-evolution", "mo-bo");
    private static final SpaceDefinition DEFINITION = new SpaceDefinition("declared",
            List.of(new ChoiceDefinition.IntRange("width", 8, 64, 8),
                    new ChoiceDefinition.Categorical("act", List.of("relu", "gelu", "tanh")),
                    new ChoiceDefinition.RealRange("rate", 1e-4, 1.0, true),
                    new ChoiceDefinition.RealRange("dropout", 0.0, 0.5, false)),
            List.of(new CellDefinition("cell", 4, List.of("conv", "skip", "none"))));

    static List<String> strategies() {
        return Strategies.names();
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void strategySearchesDeclaredSpace(String strategy) {
        ChoiceSpace space = DEFINITION.toSpace();
        List<FrozenTrial> trials = search(strategy, space);

        assertThat(trials).hasSize(TRIALS);
        for (FrozenTrial trial : trials) {
            assertThat(trial.error()).as(trial.architecture()).isEmpty();
            assertThat(space.parse(trial.architecture()).text())
                    .isEqualTo(trial.architecture());
        }
    }

    private static List<FrozenTrial> search(String strategy, ChoiceSpace space) {
        List<Objective> objectives = MULTI_OBJECTIVE.contains(strategy)
                ? List.of(Objective.maximize("score"), Objective.minimize("cost"))
                : List.of(Objective.maximize("score"));
        StudyConfig config = new StudyConfig(strategy, space.name(), "formula", Map.of(),
                strategy, Map.of(), objectives, 3);
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, space,
                    Strategies.create(strategy, Map.of()));
            for (int t = 0; t < TRIALS; t++) {
                Trial trial = study.ask();
                study.tell(trial, Evaluation.of(score(trial.architecture())));
            }
            return study.trials();
        }
    }

    /** Scores wide gelu networks with a learning rate near 0.01 and many conv edges best. */
    private static Map<String, Double> score(Architecture architecture) {
        Map<String, Object> values = DEFINITION.choiceValues(architecture);
        int width = (Integer) values.get("width");
        double rate = (Double) values.get("rate");
        long convs = DEFINITION.cellEdges(architecture).get("cell").stream()
                .filter(edge -> edge.operation().equals("conv")).count();
        double score = width / 8.0 + (values.get("act").equals("gelu") ? 2 : 0)
                - Math.abs(Math.log10(rate) + 2) + convs - (Double) values.get("dropout");
        return Map.of("score", score, "cost", width * (1.0 + convs));
    }
}
