package io.archforge.study;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.execution.EvaluationRecipe;
import io.archforge.execution.LocalTrialExecutor;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a study of 9 trials whose trials 1, 4 and 7 allocate heap until the JVM throws
 * {@link OutOfMemoryError}, then prints one line per trial: number, state and error.
 * Run it in a JVM with a small heap, with the argument {@code sequential} for
 * {@link Study#optimize(Evaluator, Budget, StudyListener)} or {@code parallel} for a
 * {@link LocalTrialExecutor} of two threads.
 */
public final class HeapExhaustionMain {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final int TRIALS = 9;

    private HeapExhaustionMain() {
    }

    public static void main(String[] args) {
        StudyConfig config = new StudyConfig("heap", "nb201", "synthetic", Map.of(), "random",
                Map.of(), List.of(Objective.maximize("accuracy")), 11);
        Study study = Study.open(new InMemoryStorage(), config, NB201,
                Strategies.create("random", Map.of()));
        if (args.length > 0 && args[0].equals("parallel")) {
            try (LocalTrialExecutor executor = new LocalTrialExecutor(new GreedyRecipe(), 2)) {
                study.optimize(executor, Budget.trials(TRIALS), StudyListener.NONE);
            }
        } else {
            study.optimize(new GreedyEvaluator(), Budget.trials(TRIALS), StudyListener.NONE);
        }
        for (FrozenTrial trial : study.trials()) {
            System.out.println("trial " + trial.number() + " " + trial.state() + " "
                    + trial.error().orElse(""));
        }
    }

    /** Fills the heap in every third trial, from trial 1, and evaluates the others. */
    static final class GreedyEvaluator implements Evaluator {
        private final SyntheticEvaluator synthetic = new SyntheticEvaluator();

        @Override
        public Set<String> metrics() {
            return synthetic.metrics();
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            if (context.trialNumber() % 3 == 1) {
                List<long[]> hoard = new ArrayList<>();
                while (true) {
                    hoard.add(new long[256 * 1024]);
                }
            }
            return synthetic.evaluate(architecture, context);
        }
    }

    /** Builds greedy evaluators for an executor's threads. */
    static final class GreedyRecipe implements EvaluationRecipe {
        private static final long serialVersionUID = 1L;

        @Override
        public String fingerprint() {
            return "greedy";
        }

        @Override
        public SearchSpace space() {
            return NB201;
        }

        @Override
        public Evaluator evaluator() {
            return new GreedyEvaluator();
        }
    }
}
