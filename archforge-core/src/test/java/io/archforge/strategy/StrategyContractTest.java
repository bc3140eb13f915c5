package io.archforge.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.MacroSpace;
import io.archforge.space.SearchSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.study.Budget;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import io.archforge.study.Worker;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Strategy} keeps, run through a real {@link Study} with an
 * in-memory store and a deterministic synthetic evaluator. Subclasses name the
 * strategy under test by {@link #newStrategy()}.
 */
public abstract class StrategyContractTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final List<Objective> ACCURACY = List.of(Objective.maximize("accuracy"));

    /** A fresh strategy with the options under test; each call a new instance. */
    protected abstract Strategy newStrategy();

    @Test
    void proposesOnlyArchitecturesTheSpaceAccepts() {
        for (SearchSpace space : List.of(NB201, MacroSpace.create())) {
            Study study = run(new InMemoryStorage(), space, 3, 60);

            for (FrozenTrial trial : study.trials()) {
                Architecture architecture = space.parse(trial.architecture());
                for (int i = 0; i < space.choices().size(); i++) {
                    assertThat(space.choices().get(i).accepts(architecture.genes().get(i)))
                            .as("gene %d of %s", i, trial.architecture()).isTrue();
                }
            }
        }
    }

    @Test
    void respectsTheTrialBudget() {
        Study study = run(new InMemoryStorage(), NB201, 1, 37);

        assertThat(study.trials()).hasSize(37);
        assertThat(study.finishedCount()).isEqualTo(37);
    }

    @Test
    void neverRepeatsAnIsomorphicCell() {
        Study study = run(new InMemoryStorage(), NB201, 2, 300);

        Set<String> keys = new HashSet<>();
        for (FrozenTrial trial : study.trials()) {
            assertThat(keys.add(NB201.parse(trial.architecture()).isomorphismKey()))
                    .as("trial %d repeats %s", trial.number(), trial.architecture()).isTrue();
            assertThat(trial.attributes()).as("trial %d", trial.number())
                    .doesNotContainKey("replaced_repeat");
        }
        assertThat(keys).hasSize(300);
    }

    @Test
    void sameSeedReplaysTheSameTrials() {
        Study first = run(new InMemoryStorage(), NB201, 7, 80);
        Study second = run(new InMemoryStorage(), NB201, 7, 80);

        assertThat(proposals(second)).isEqualTo(proposals(first));
    }

    @Test
    void otherSeedProposesOtherTrials() {
        Study first = run(new InMemoryStorage(), NB201, 7, 80);
        Study other = run(new InMemoryStorage(), NB201, 8, 80);

        assertThat(architectures(other)).isNotEqualTo(architectures(first));
    }

    @Test
    void resumedRunEqualsAnUninterruptedOne() {
        Study whole = run(new InMemoryStorage(), NB201, 11, 90);

        InMemoryStorage storage = new InMemoryStorage();
        run(storage, NB201, 11, 23);
        run(storage, NB201, 11, 61);
        Study resumed = run(storage, NB201, 11, 90);

        assertThat(proposals(resumed)).isEqualTo(proposals(whole));
    }

    /** Opens (or resumes) the study in {@code storage} with a new strategy and runs it. */
    private Study run(InMemoryStorage storage, SearchSpace space, long seed, int trials) {
        Strategy strategy = newStrategy();
        StudyConfig config = new StudyConfig("contract", space.name(), "synthetic", Map.of(),
                strategy.name(), Map.of(), ACCURACY, seed);
        Study study = Study.open(storage, config, space, strategy);
        try (Evaluator evaluator = new Landscape()) {
            study.optimize(evaluator, Budget.trials(trials), StudyListener.NONE);
        }
        return study;
    }

    private static List<String> architectures(Study study) {
        return study.trials().stream().map(FrozenTrial::architecture).toList();
    }

    /** Architecture and attributes of each trial, less the process that ran it. */
    private static List<Map<String, String>> proposals(Study study) {
        return study.trials().stream().map(trial -> {
            Map<String, String> proposal = new HashMap<>(trial.attributes());
            proposal.remove(Worker.ATTRIBUTE);
            proposal.put("architecture", trial.architecture());
            return Map.copyOf(proposal);
        }).toList();
    }

    /**
     * A deterministic landscape over any integer or categorical space: a sum of
     * per-choice terms plus a bumpy term of the isomorphism class, so that isomorphic
     * cells score alike and the optimum is not found by one choice at a time.
     */
    static final class Landscape implements Evaluator {

        @Override
        public Set<String> metrics() {
            return Set.of("accuracy");
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            double accuracy = 0;
            for (int i = 0; i < architecture.genes().size(); i++) {
                accuracy += Math.floorMod(31 * i + 17 * architecture.intGene(i), 11);
            }
            int bump = Math.floorMod(architecture.isomorphismKey().hashCode(), 1000);
            return Evaluation.of(Map.of("accuracy", accuracy + bump / 200.0));
        }
    }
}
