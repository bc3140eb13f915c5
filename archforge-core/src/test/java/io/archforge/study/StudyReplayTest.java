package io.archforge.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.execution.EvaluationRecipe;
import io.archforge.execution.LocalTrialExecutor;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.storage.Storage;
import io.archforge.strategy.Strategies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay of studies. A study interrupted at random trials, with its trials in flight
 * left RUNNING as a killed process leaves them, ends with the same completed trials as
 * one that ran without a stop. Trials run in parallel replay whatever each one's duration.
 */
class StudyReplayTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final int TRIALS = 40;

    /** Synthetic metrics that also depend on the trial's seed, so a retry must reuse it. */
    static final class SeededEvaluator implements Evaluator {
        private final SyntheticEvaluator synthetic = new SyntheticEvaluator();

        @Override
        public Set<String> metrics() {
            return synthetic.metrics();
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            Map<String, Double> metrics = synthetic.evaluate(architecture, context).metrics();
            double noise = Math.floorMod(context.seed(), 1000) / 1000.0;
            return Evaluation.of(Map.of("accuracy", metrics.get("accuracy") + noise,
                    "latency_ms", metrics.get("latency_ms")));
        }
    }

    /** The seeded evaluator with a random pause, so parallel trials end in any order. */
    static final class JitteredRecipe implements EvaluationRecipe {
        private static final long serialVersionUID = 1L;

        @Override
        public String fingerprint() {
            return "jittered";
        }

        @Override
        public SearchSpace space() {
            return NB201;
        }

        @Override
        public Evaluator evaluator() {
            SeededEvaluator seeded = new SeededEvaluator();
            return new Evaluator() {
                @Override
                public Set<String> metrics() {
                    return seeded.metrics();
                }

                @Override
                public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
                    try {
                        Thread.sleep(ThreadLocalRandom.current().nextInt(1, 25));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return seeded.evaluate(architecture, context);
                }
            };
        }
    }

    /** What a completed trial is: the architecture, the seed and the metrics. */
    private record Outcome(String architecture, long seed, Map<String, Double> metrics) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "evolution", "reinforce", "local-search", "tpe",
            "bananas", "nsga2"})
    void interruptedStudyEndsAsUninterrupted(String strategy) {
        List<Outcome> uninterrupted = completed(runWithoutStop(strategy));

        SplittableRandom kills = new SplittableRandom(strategy.hashCode());
        InMemoryStorage storage = new InMemoryStorage();
        int stops = 0;
        int finished = 0;
        while (finished < TRIALS) {
            Study study = open(storage, strategy);
            int goal = Math.min(TRIALS, finished + 1 + kills.nextInt(8));
            study.optimize(new SeededEvaluator(), Budget.trials(goal), StudyListener.NONE);
            if (goal < TRIALS) {
                // A process killed here leaves its next trial RUNNING, sometimes two.
                study.ask();
                if (kills.nextBoolean()) {
                    open(storage, strategy).ask();
                }
                stops++;
            }
            finished = open(storage, strategy).finishedCount();
        }

        List<FrozenTrial> trials = storage.trials(strategy);
        assertThat(stops).isGreaterThanOrEqualTo(4);
        assertThat(trials).anyMatch(t -> t.state() == TrialState.STALE);
        for (int i = 0; i < trials.size(); i++) {
            assertThat(trials.get(i).number()).isEqualTo(i);
        }
        assertThat(completed(trials)).isEqualTo(uninterrupted);
    }

    @Test
    void sameSeedReplaysParallelTrials() {
        List<Outcome> first = completed(runInParallel(4));
        List<Outcome> second = completed(runInParallel(4));

        assertThat(first).hasSize(TRIALS);
        assertThat(second).isEqualTo(first);
    }

    private static List<FrozenTrial> runWithoutStop(String strategy) {
        InMemoryStorage storage = new InMemoryStorage();
        open(storage, strategy).optimize(new SeededEvaluator(), Budget.trials(TRIALS),
                StudyListener.NONE);
        return storage.trials(strategy);
    }

    private static List<FrozenTrial> runInParallel(int parallelism) {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = open(storage, "evolution");
        try (LocalTrialExecutor executor = new LocalTrialExecutor(new JitteredRecipe(),
                parallelism)) {
            study.optimize(executor, Budget.trials(TRIALS), StudyListener.NONE);
        }
        return storage.trials("evolution");
    }

    private static Study open(Storage storage, String strategy) {
        Map<String, String> options = strategy.equals("evolution") || strategy.equals("nsga2")
                ? Map.of("population", "8") : Map.of();
        List<Objective> objectives = strategy.equals("nsga2")
                ? List.of(Objective.maximize("accuracy"), Objective.minimize("latency_ms"))
                : List.of(Objective.maximize("accuracy"));
        StudyConfig config = new StudyConfig(strategy, "nb201", "synthetic", Map.of(),
                strategy, options, objectives, 17);
        return Study.open(storage, config, NB201, Strategies.create(strategy, options));
    }

    private static List<Outcome> completed(List<FrozenTrial> trials) {
        List<Outcome> outcomes = new ArrayList<>();
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.COMPLETE) {
                outcomes.add(new Outcome(trial.architecture(), trial.seed(), trial.metrics()));
            }
        }
        return outcomes;
    }
}
