package io.archforge.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.RecipeRanges;
import io.archforge.space.RecipeSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.study.Budget;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import io.archforge.study.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in strategy on the {@code macro+recipe} space, whose recipe choices mix
 * real, integer and categorical values, run through a real study with a cheap synthetic
 * evaluator.
 */
class MixedSpaceStrategiesTest {

    private static final int TRIALS = 30;
    private static final List<Objective> OBJECTIVES = List.of(
            Objective.maximize("accuracy"), Objective.minimize("latency_ms"));
    /** Narrow ranges without an epochs choice, as a study under a scheduler builds. */
    private static final ChoiceSpace NARROW = RecipeSpace.create(RecipeRanges.defaults()
            .with("learning_rate=0.01:0.02").with("dropout=0.1:0.1")
            .with("batch_size=64:128"), false);

    static List<String> strategies() {
        return Strategies.names();
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void proposalsStayInsideTheDefaultBounds(String name) {
        assertInsideBounds(run(name, RecipeSpace.create()), RecipeSpace.create());
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void proposalsStayInsideNarrowBounds(String name) {
        assertInsideBounds(run(name, NARROW), NARROW);
    }

    @ParameterizedTest
    @CsvSource({"bananas, adjacency", "bananas, path", "gp-bo, adjacency", "npenas, path"})
    void graphEncodingsHandleRealChoices(String name, String encoding) {
        Study study = run(name, Map.of("encoding", encoding), RecipeSpace.create());

        assertInsideBounds(study, RecipeSpace.create());
    }

    @Test
    void localSearchProposesNeighboursInRealChoices() {
        ChoiceSpace space = RecipeSpace.create();
        Study study = run(LocalSearch.NAME, Map.of(), space);

        List<String> changed = new ArrayList<>();
        for (FrozenTrial trial : study.trials()) {
            String center = trial.attributes().get(LocalSearch.CENTER_ATTRIBUTE);
            if ("neighbour".equals(trial.attributes().get(LocalSearch.ROLE_ATTRIBUTE))) {
                Architecture from = space.parse(center);
                Architecture to = space.parse(trial.architecture());
                for (int i = 0; i < space.choices().size(); i++) {
                    if (!from.genes().get(i).equals(to.genes().get(i))) {
                        changed.add(space.choices().get(i).name());
                    }
                }
            }
        }

        assertThat(changed).isNotEmpty();
        assertThat(changed).anyMatch(name -> name.equals("recipe.learning_rate")
                || name.equals("recipe.weight_decay") || name.equals("recipe.dropout"));
    }

    private static void assertInsideBounds(Study study, ChoiceSpace space) {
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(TRIALS);
        for (FrozenTrial trial : trials) {
            assertThat(trial.state()).as("trial %d", trial.number())
                    .isEqualTo(TrialState.COMPLETE);
            Architecture architecture = space.parse(trial.architecture());
            for (int i = 0; i < space.choices().size(); i++) {
                Choice choice = space.choices().get(i);
                assertThat(choice.accepts(architecture.genes().get(i)))
                        .as("%s of trial %d: %s", choice.name(), trial.number(),
                                trial.architecture())
                        .isTrue();
            }
        }
    }

    private static Study run(String name, ChoiceSpace space) {
        return run(name, Map.of(), space);
    }

    private static Study run(String name, Map<String, String> options, ChoiceSpace space) {
        Strategy strategy = Strategies.create(name, options);
        StudyConfig config = new StudyConfig("mixed-" + name, space.name(), "synthetic",
                Map.of(), name, Map.of(), OBJECTIVES, 7);
        Study study = Study.open(new InMemoryStorage(), config, space, strategy);
        try (Evaluator evaluator = new RecipeLandscape()) {
            study.optimize(evaluator, Budget.trials(TRIALS), StudyListener.NONE);
        }
        return study;
    }

    /**
     * A smooth landscape over a recipe: accuracy peaks at a learning rate of 0.05 and
     * falls with dropout, latency grows with the macro genes.
     */
    static final class RecipeLandscape implements Evaluator {

        @Override
        public Set<String> metrics() {
            return Set.of("accuracy", "latency_ms");
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            RecipeSpace.Split split = RecipeSpace.split(architecture);
            double rate = split.hyperparameters().learningRate();
            double accuracy = 90 - 5 * Math.abs(Math.log10(rate / 0.05))
                    - 4 * split.hyperparameters().dropout();
            double latency = 1;
            for (Number gene : split.macro().genes()) {
                latency += gene.doubleValue();
            }
            return Evaluation.of(Map.of("accuracy", accuracy, "latency_ms", latency));
        }
    }
}
