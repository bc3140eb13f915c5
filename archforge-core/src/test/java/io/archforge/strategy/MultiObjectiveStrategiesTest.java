package io.archforge.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import io.archforge.pareto.Hypervolume;
import io.archforge.space.CellSpace;
import io.archforge.space.Choice;
import io.archforge.storage.InMemoryStorage;
import io.archforge.study.Budget;
import io.archforge.study.Constraint;
import io.archforge.study.Constraints;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import io.archforge.study.Worker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The multi-objective strategies on a two-objective landscape over the NAS-Bench-201
 * cell space with a constraint, run through a real study.
 */
class MultiObjectiveStrategiesTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final List<Objective> OBJECTIVES = List.of(
            Objective.maximize("accuracy"), Objective.minimize("cost"));
    private static final List<Constraint> CONSTRAINTS = List.of(Constraint.atMost("cost", 8));

    @ParameterizedTest
    @ValueSource(strings = {"nsga2", "mo-evolution", "mo-bo"})
    void resumeEqualsUninterruptedRun(String name) {
        Study whole = run(new InMemoryStorage(), name, 5, 70);

        InMemoryStorage storage = new InMemoryStorage();
        run(storage, name, 5, 29);
        Study resumed = run(storage, name, 5, 70);

        assertThat(proposals(resumed)).isEqualTo(proposals(whole));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nsga2", "mo-evolution", "mo-bo"})
    void beatsRandomOnHypervolume(String name) {
        double strategy = 0;
        double random = 0;
        for (long seed = 1; seed <= 3; seed++) {
            strategy += hypervolume(run(new InMemoryStorage(), name, seed, 120));
            random += hypervolume(run(new InMemoryStorage(), RandomSearch.NAME, seed, 120));
        }
        assertThat(strategy).isGreaterThan(random);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nsga2", "mo-evolution", "mo-bo"})
    void laterTrialsAreMostlyFeasible(String name) {
        Study study = run(new InMemoryStorage(), name, 2, 150);

        List<FrozenTrial> late = study.trials().subList(100, 150);
        long feasible = late.stream().filter(t -> Constraints.isFeasible(t, CONSTRAINTS)).count();
        long early = study.trials().subList(0, 20).stream()
                .filter(t -> Constraints.isFeasible(t, CONSTRAINTS)).count();
        // About a third of random cells are feasible.
        assertThat(feasible / 50.0).isGreaterThan(early / 20.0);
        assertThat(study.paretoFront()).allMatch(t -> Constraints.isFeasible(t, CONSTRAINTS));
    }

    /** Computes the hypervolume against a fixed reference point, so that runs compare. */
    private static double hypervolume(Study study) {
        List<double[]> front = study.paretoFront().stream()
                .map(t -> FrontRanking.minimized(t, OBJECTIVES))
                .toList();
        return Hypervolume.of(front, new double[] {0, 8});
    }

    private static Study run(InMemoryStorage storage, String name, long seed, int trials) {
        Strategy strategy = Strategies.create(name, Map.of());
        StudyConfig config = new StudyConfig("mo", NB201.name(), "synthetic", Map.of(), name,
                Map.of(), OBJECTIVES, seed, Optional.empty(), Map.of(), CONSTRAINTS);
        Study study = Study.open(storage, config, NB201, strategy);
        try (Evaluator evaluator = new TradeOff()) {
            study.optimize(evaluator, Budget.trials(trials), StudyListener.NONE);
        }
        return study;
    }

    private static List<Map<String, String>> proposals(Study study) {
        return study.trials().stream().map(trial -> {
            Map<String, String> proposal = new HashMap<>(trial.attributes());
            proposal.remove(Worker.ATTRIBUTE);
            proposal.put("architecture", trial.architecture());
            return Map.copyOf(proposal);
        }).toList();
    }

    /**
     * Accuracy grows with the convolutions of a cell and with a bumpy per-edge term. Cost
     * is the convolutions' weight (3x3 counts 4, 1x1 counts 1) plus 1 per edge that is not
     * none, so the two conflict.
     */
    static final class TradeOff implements Evaluator {

        @Override
        public Set<String> metrics() {
            return Set.of("accuracy", "cost");
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            double accuracy = 0;
            double cost = 0;
            for (int i = 0; i < architecture.genes().size(); i++) {
                String op = ((Choice.Categorical) NB201.choices().get(i)).options()
                        .get(architecture.intGene(i));
                double weight = switch (op) {
                    case "nor_conv_3x3" -> 4;
                    case "nor_conv_1x1" -> 1;
                    default -> 0;
                };
                cost += weight + (op.equals("none") ? 0 : 1);
                accuracy += 3 * Math.sqrt(weight) + Math.floorMod(7 * i + 5 * architecture.intGene(i), 4);
            }
            return Evaluation.of(Map.of("accuracy", accuracy, "cost", cost));
        }
    }
}
