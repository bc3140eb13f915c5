package io.archforge.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.RegularizedEvolution;
import io.archforge.strategy.Strategies;
import io.archforge.strategy.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudyTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final List<Objective> ACCURACY = List.of(Objective.maximize("accuracy"));
    private static final Map<String, String> EVOLUTION =
            Map.of("population", "8", "sample_size", "3");

    private final InMemoryStorage storage = new InMemoryStorage();

    private static StudyConfig config(String strategy, long seed) {
        Map<String, String> options = strategy.equals("evolution") ? EVOLUTION : Map.of();
        return new StudyConfig("s", "nb201", "synthetic", Map.of(), strategy, options,
                ACCURACY, seed);
    }

    private static Study open(InMemoryStorage storage, StudyConfig config) {
        Strategy strategy = Strategies.create(config.strategy(), config.strategyOptions());
        return Study.open(storage, config, NB201, strategy);
    }

    private static List<String> architectures(Study study) {
        return study.trials().stream().map(FrozenTrial::architecture).toList();
    }

    @Test
    void sameSeedSameTrials() {
        for (String strategy : List.of("random", "evolution")) {
            Study first = open(new InMemoryStorage(), config(strategy, 5));
            Study second = open(new InMemoryStorage(), config(strategy, 5));
            Study other = open(new InMemoryStorage(), config(strategy, 6));

            for (Study study : List.of(first, second, other)) {
                study.optimize(new SyntheticEvaluator(), Budget.trials(30), StudyListener.NONE);
            }

            assertThat(architectures(second)).as(strategy).isEqualTo(architectures(first));
            assertThat(second.trials()).extracting(FrozenTrial::seed)
                    .isEqualTo(first.trials().stream().map(FrozenTrial::seed).toList());
            assertThat(architectures(other)).as(strategy).isNotEqualTo(architectures(first));
        }
    }

    @Test
    void noArchitectureIsEvaluatedTwice() {
        Study study = open(storage, config("evolution", 1));

        study.optimize(new SyntheticEvaluator(), Budget.trials(400), StudyListener.NONE);

        Set<String> keys = new HashSet<>();
        for (FrozenTrial trial : study.trials()) {
            assertThat(keys.add(NB201.parse(trial.architecture()).isomorphismKey()))
                    .as("trial %d repeats a class", trial.number()).isTrue();
        }
        assertThat(keys).hasSize(400);
    }

    @Test
    void evolutionBeatsRandomSearch() {
        double evolution = 0;
        double random = 0;
        int seeds = 6;
        for (long seed = 0; seed < seeds; seed++) {
            evolution += bestAccuracy(config("evolution", seed), 100) / seeds;
            random += bestAccuracy(config("random", seed), 100) / seeds;
        }

        // The best possible synthetic accuracy is 10 + 6 * 12 + 15 = 97. Measured with
        // these seeds: evolution 93.0, random search 78.3.
        assertThat(evolution).isGreaterThan(random + 8);
    }

    private static double bestAccuracy(StudyConfig config, int trials) {
        Study study = open(new InMemoryStorage(), config);
        study.optimize(new SyntheticEvaluator(), Budget.trials(trials), StudyListener.NONE);
        return study.best().orElseThrow().metrics().get("accuracy");
    }

    @Test
    void resumeRetriesRunningTrialsFirst() {
        Study first = open(storage, config("evolution", 3));
        first.optimize(new SyntheticEvaluator(), Budget.trials(12), StudyListener.NONE);
        Trial lost = first.ask();
        Trial alsoLost = first.ask();

        Study resumed = open(storage, config("evolution", 3));

        assertThat(storage.trial("s", lost.number()).orElseThrow().state())
                .isEqualTo(TrialState.STALE);
        assertThat(storage.trial("s", alsoLost.number()).orElseThrow().state())
                .isEqualTo(TrialState.STALE);
        Trial retry = resumed.ask();
        Trial secondRetry = resumed.ask();
        Trial fresh = resumed.ask();
        assertThat(retry.number()).isEqualTo(14);
        assertThat(retry.architecture()).isEqualTo(lost.architecture());
        assertThat(retry.attributes()).containsEntry("retry_of", "12");
        assertThat(secondRetry.architecture()).isEqualTo(alsoLost.architecture());
        assertThat(secondRetry.attributes()).containsEntry("retry_of", "13");
        assertThat(fresh.number()).isEqualTo(16);
        assertThat(fresh.attributes()).doesNotContainKey("retry_of");
    }

    @Test
    void resumeRebuildsEvolutionPopulation() {
        RegularizedEvolution original = evolution();
        Study first = Study.open(storage, config("evolution", 4), NB201, original);
        first.optimize(new SyntheticEvaluator(), Budget.trials(20), StudyListener.NONE);
        first.ask();

        RegularizedEvolution rebuilt = evolution();
        Study resumed = Study.open(storage, config("evolution", 4), NB201, rebuilt);

        assertThat(rebuilt.population()).isEqualTo(original.population());
        assertThat(rebuilt.population()).hasSize(8);
        resumed.optimize(new SyntheticEvaluator(), Budget.trials(25), StudyListener.NONE);
        assertThat(resumed.finishedCount()).isEqualTo(25);
    }

    @Test
    void resumedRunMatchesUninterruptedRun() {
        InMemoryStorage straight = new InMemoryStorage();
        open(straight, config("evolution", 9))
                .optimize(new SyntheticEvaluator(), Budget.trials(30), StudyListener.NONE);

        open(storage, config("evolution", 9))
                .optimize(new SyntheticEvaluator(), Budget.trials(17), StudyListener.NONE);
        open(storage, config("evolution", 9))
                .optimize(new SyntheticEvaluator(), Budget.trials(30), StudyListener.NONE);

        assertThat(storage.trials("s")).extracting(FrozenTrial::architecture)
                .isEqualTo(straight.trials("s").stream().map(FrozenTrial::architecture).toList());
    }

    @Test
    void budgetCountsFinishedTrialsAcrossRuns() {
        Study.StopReason reason = open(storage, config("random", 5))
                .optimize(new SyntheticEvaluator(), Budget.trials(10), StudyListener.NONE);
        assertThat(reason).isEqualTo(Study.StopReason.TRIAL_BUDGET);
        assertThat(storage.trials("s")).hasSize(10);

        open(storage, config("random", 5))
                .optimize(new SyntheticEvaluator(), Budget.trials(15), StudyListener.NONE);
        assertThat(storage.trials("s")).hasSize(15);

        SyntheticEvaluator evaluator = new SyntheticEvaluator();
        Study shortened = open(storage, config("random", 5));
        assertThat(shortened.optimize(evaluator, Budget.trials(5), StudyListener.NONE))
                .isEqualTo(Study.StopReason.TRIAL_BUDGET);
        assertThat(evaluator.evaluated).isEmpty();
        assertThat(storage.trials("s")).hasSize(15);
    }

    @Test
    void failedEvaluationsDoNotStopTheLoop() {
        Study study = open(storage, config("random", 6));
        SyntheticEvaluator failing = new SyntheticEvaluator() {
            @Override
            public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
                if (NB201.operation(architecture, 0).equals("avg_pool_3x3")) {
                    throw new IllegalStateException("no pooling on the first edge");
                }
                return super.evaluate(architecture, context);
            }
        };

        study.optimize(failing, Budget.trials(40), StudyListener.NONE);

        List<FrozenTrial> failed = study.trials().stream()
                .filter(t -> t.state() == TrialState.FAILED).toList();
        assertThat(study.trials()).hasSize(40);
        assertThat(failed).isNotEmpty().allSatisfy(t -> {
            assertThat(t.architecture()).startsWith("|avg_pool_3x3~0|");
            assertThat(t.error()).contains("IllegalStateException: no pooling on the first edge");
            assertThat(t.metrics()).isEmpty();
        });
        assertThat(study.trials()).filteredOn(t -> t.state() == TrialState.COMPLETE)
                .hasSize(40 - failed.size());
    }

    @Test
    void interruptedEvaluationLeavesTrialStale() {
        Study study = open(storage, config("random", 7));
        SyntheticEvaluator interrupted = new SyntheticEvaluator() {
            @Override
            public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
                if (evaluated.size() == 3) {
                    study.stop();
                    assertThat(context.shouldStop()).isTrue();
                    throw new EvaluationInterruptedException("stop requested at epoch 2");
                }
                return super.evaluate(architecture, context);
            }
        };

        Study.StopReason reason =
                study.optimize(interrupted, Budget.trials(10), StudyListener.NONE);

        assertThat(reason).isEqualTo(Study.StopReason.INTERRUPTED);
        assertThat(study.trials()).extracting(FrozenTrial::state).containsExactly(
                TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE, TrialState.STALE);
        Trial retry = open(storage, config("random", 7)).ask();
        assertThat(retry.architecture().text()).isEqualTo(study.trials().get(3).architecture());
        assertThat(retry.attributes()).containsEntry("retry_of", "3");
    }

    @Test
    void timeLimitStopsTheLoop() {
        Study study = open(storage, config("random", 8));
        SyntheticEvaluator slow = new SyntheticEvaluator() {
            @Override
            public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
                sleep(Duration.ofMillis(20));
                return super.evaluate(architecture, context);
            }
        };

        Study.StopReason reason = study.optimize(slow,
                Budget.of(1000, Duration.ofMillis(300)), StudyListener.NONE);

        assertThat(reason).isEqualTo(Study.StopReason.TIME_LIMIT);
        assertThat(study.finishedCount()).isBetween(1, 20);
    }

    @Test
    void listenerSeesEveryTrial() {
        Study study = open(storage, config("random", 10));
        List<Integer> started = new ArrayList<>();
        List<FrozenTrial> finished = new ArrayList<>();
        StudyListener listener = new StudyListener() {
            @Override
            public void trialStarted(Trial trial) {
                started.add(trial.number());
            }

            @Override
            public void trialFinished(FrozenTrial trial) {
                finished.add(trial);
            }
        };

        study.optimize(new SyntheticEvaluator(), Budget.trials(5), listener);

        assertThat(started).containsExactly(0, 1, 2, 3, 4);
        assertThat(finished).extracting(FrozenTrial::state).containsOnly(TrialState.COMPLETE);
    }

    @Test
    void intermediateValuesAreStored() {
        Study study = open(storage, config("random", 11));
        SyntheticEvaluator reporting = new SyntheticEvaluator() {
            @Override
            public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
                context.report(0, "accuracy", 10.0);
                context.report(1, "accuracy", 20.0);
                return super.evaluate(architecture, context);
            }
        };

        study.optimize(reporting, Budget.trials(1), StudyListener.NONE);

        assertThat(study.trials().get(0).intermediate()).containsExactly(
                new IntermediateValue(0, "accuracy", 10.0),
                new IntermediateValue(1, "accuracy", 20.0));
    }

    @Test
    void trialSeedsMatchTheStore() {
        Study study = open(storage, config("random", 12));
        List<Long> seeds = new ArrayList<>();
        SyntheticEvaluator recording = new SyntheticEvaluator() {
            @Override
            public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
                seeds.add(context.seed());
                return super.evaluate(architecture, context);
            }
        };

        study.optimize(recording, Budget.trials(4), StudyListener.NONE);

        assertThat(seeds).isEqualTo(study.trials().stream().map(FrozenTrial::seed).toList());
        assertThat(seeds.get(2)).isEqualTo(Seeds.trialSeed(12, 2));
    }

    @Test
    void reopenWithAnotherSetupIsRejected() {
        open(storage, config("random", 1));
        StudyConfig otherObjective = new StudyConfig("s", "nb201", "synthetic", Map.of(), "random",
                Map.of(), List.of(Objective.minimize("latency_ms")), 1);

        assertThatThrownBy(() -> open(storage, otherObjective))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exists with another setup");
        assertThatThrownBy(() -> Study.open(storage, config("random", 1),
                io.archforge.space.MacroSpace.create(), Strategies.create("random", Map.of())))
                .hasMessageContaining("names space 'nb201'");
    }

    private static RegularizedEvolution evolution() {
        return (RegularizedEvolution) Strategies.create("evolution", EVOLUTION);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
