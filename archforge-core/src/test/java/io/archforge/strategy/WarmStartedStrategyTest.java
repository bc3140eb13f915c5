package io.archforge.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.Evaluation;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.Trial;
import io.archforge.transfer.GeneDistance;
import io.archforge.transfer.SourceStudy;
import io.archforge.transfer.Transfer;
import io.archforge.transfer.TransferSnapshot;
import io.archforge.transfer.TransferredTrial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WarmStartedStrategyTest {

    private static final CellSpace SPACE = CellSpace.nb201();
    private static final Objective ACCURACY = Objective.maximize("accuracy");

    private static double task(Architecture architecture) {
        double value = 50;
        for (Number gene : architecture.genes()) {
            value += gene.intValue() == 3 ? 4 : gene.intValue() == 0 ? -3 : 0;
        }
        return value;
    }

    private static SourceStudy source() {
        SplittableRandom random = new SplittableRandom(11);
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Architecture architecture = SPACE.sample(random);
            trials.add(new FrozenTrial(i, io.archforge.study.TrialState.COMPLETE,
                    architecture.text(), 0, Map.of("accuracy", task(architecture)), List.of(),
                    Map.of(), Instant.EPOCH, Optional.of(Instant.EPOCH), Optional.empty()));
        }
        return TransferSnapshot.read("src", TransferSnapshot.write(trials, "accuracy"), SPACE,
                ACCURACY);
    }

    /** Runs {@code trials} trials of a study searched by {@code strategy} on the task. */
    private static List<FrozenTrial> run(Strategy strategy, int trials) {
        StudyConfig config = new StudyConfig("target", SPACE.name(), "synthetic", Map.of(),
                strategy.name(), Map.of(), List.of(ACCURACY), 3);
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, SPACE, strategy);
            for (int t = 0; t < trials; t++) {
                Trial trial = study.ask();
                study.tell(trial, Evaluation.of(Map.of("accuracy", task(trial.architecture()))));
            }
            assertThat(study.finishedCount()).isEqualTo(trials);
            return study.trials();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"evolution", "reinforce", "local-search", "bananas", "gp-bo",
        "npenas"})
    void learningStrategiesEvaluateTheSourcesBestFirstAndCountOnlyTheirOwnTrials(String name) {
        SourceStudy source = source();
        Transfer transfer = Transfer.of(SPACE, ACCURACY, List.of(source));
        WarmStartedStrategy strategy = new WarmStartedStrategy(Strategies.create(name,
                Map.of()), transfer);

        List<FrozenTrial> trials = run(strategy, 12);

        assertThat(strategy.used()).isTrue();
        assertThat(trials).hasSize(12);
        assertThat(trials).allSatisfy(t -> assertThat(t.attributes())
                .containsKey(Transfer.WEIGHTS));
        TransferredTrial best = transfer.ranked().get(0);
        Architecture first = SPACE.parse(trials.get(0).architecture());
        if (strategy.strategy() instanceof io.archforge.strategy.bo.BayesianStrategy) {
            // The acquisition picks among the best transferred cells and their children.
            GeneDistance distance = new GeneDistance(SPACE);
            assertThat(transfer.ranked().subList(0, 10))
                    .anyMatch(t -> distance.between(t.architecture(), first) <= 1);
        } else {
            assertThat(first).isEqualTo(best.architecture());
            assertThat(trials.get(0).attributes().get(Transfer.TRANSFERRED_FROM))
                    .isEqualTo("src#" + best.number());
        }
        assertThat(transfer.targetCount()).isEqualTo(12);
    }

    @Test
    void evolutionSeedsElitesInRankOrder() {
        Transfer transfer = Transfer.of(SPACE, ACCURACY, List.of(source()));
        List<TransferredTrial> elites = transfer.elites(10);

        List<FrozenTrial> trials = run(new WarmStartedStrategy(Strategies.create("evolution",
                Map.of()), transfer), 10);

        // Weight 0.5 and population 20 give ten seeds, proposed before any random cell.
        for (int i = 0; i < 10; i++) {
            assertThat(trials.get(i).architecture())
                    .isEqualTo(elites.get(i).architecture().text());
            assertThat(trials.get(i).attributes().get(Transfer.TRANSFERRED_FROM))
                    .isEqualTo(elites.get(i).mark());
        }
    }

    @Test
    void randomSearchIgnoresKnowledge() {
        WarmStartedStrategy strategy = new WarmStartedStrategy(new RandomSearch(),
                Transfer.of(SPACE, ACCURACY, List.of(source())));

        List<FrozenTrial> trials = run(strategy, 5);

        assertThat(strategy.used()).isFalse();
        assertThat(trials).allSatisfy(t -> assertThat(t.attributes())
                .doesNotContainKey(Transfer.WEIGHTS));
    }

    @Test
    void seedsFollowTheWeightFromAPriorOfZero() {
        Transfer transfer = Transfer.of(SPACE, ACCURACY, List.of(source()), 0, 10);
        List<FrozenTrial> trials = run(new WarmStartedStrategy(Strategies.create("evolution",
                Map.of()), transfer), 12);

        // The first proposals are random because nothing is known of the task yet. The
        // source is seeded once the study's own trials show that it ranks them well.
        assertThat(trials.get(0).attributes()).doesNotContainKey(Transfer.TRANSFERRED_FROM)
                .containsEntry(Transfer.WEIGHTS, "src=0.000");
        assertThat(trials).anySatisfy(t -> assertThat(t.attributes())
                .containsKey(Transfer.TRANSFERRED_FROM));
        for (FrozenTrial trial : trials) {
            if (trial.attributes().containsKey(Transfer.TRANSFERRED_FROM)) {
                assertThat(trial.attributes().get(Transfer.WEIGHTS)).isNotEqualTo("src=0.000");
            }
        }
        assertThat(transfer.weight("src")).isGreaterThan(0);
    }

    @Test
    void warmStartIsOnce() {
        WarmStartedStrategy strategy = new WarmStartedStrategy(Strategies.create("evolution",
                Map.of()), Transfer.of(SPACE, ACCURACY, List.of(source())));

        assertThatThrownBy(() -> strategy.warmStart(Transfer.of(SPACE, ACCURACY,
                List.of(source())))).hasMessageContaining("already warm-started");
    }
}
