package io.archforge.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.RandomSearch;
import io.archforge.study.Budget;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import io.archforge.study.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProxyMetricEvaluatorTest {

    private static final CellSpace NB201 = CellSpace.nb201();

    /** Counts skip connections; infinite for cells with no 3x3 convolution, as an overflow would be. */
    private static final ProxyScorer SKIPS = new ProxyScorer() {
        @Override
        public String name() {
            return "skips";
        }

        @Override
        public double score(Architecture cell) {
            int skips = 0;
            boolean convolution = false;
            for (int edge = 0; edge < 6; edge++) {
                skips += NB201.operation(cell, edge).equals("skip_connect") ? 1 : 0;
                convolution |= NB201.operation(cell, edge).equals("nor_conv_3x3");
            }
            return convolution ? skips : Double.POSITIVE_INFINITY;
        }
    };

    @Test
    void aProxyThatOverflowsFailsItsTrialBeforeTrainingAndTheStudyGoesOn() {
        AtomicInteger trained = new AtomicInteger();
        Evaluator training = new Evaluator() {
            @Override
            public Set<String> metrics() {
                return Set.of("accuracy");
            }

            @Override
            public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
                trained.incrementAndGet();
                return Evaluation.of(Map.of("accuracy", 50.0));
            }
        };
        StudyConfig config = new StudyConfig("proxy-metric", "nb201", "synthetic", Map.of(), "random",
                Map.of(), List.of(Objective.maximize("accuracy")), 3);
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, NB201, new RandomSearch());
            ProxyMetricEvaluator evaluator = new ProxyMetricEvaluator(training, SKIPS);
            assertThat(evaluator.metrics()).containsExactlyInAnyOrder("accuracy", "skips");

            study.optimize(evaluator, Budget.trials(60), StudyListener.NONE);

            List<FrozenTrial> trials = study.trials();
            assertThat(trials).hasSize(60);
            List<FrozenTrial> failed = trials.stream().filter(t -> t.state() == TrialState.FAILED).toList();
            assertThat(failed).isNotEmpty().allSatisfy(t ->
                    assertThat(t.error()).get().asString().contains("skips").contains("Infinity"));
            assertThat(trained.get()).isEqualTo(60 - failed.size());
            assertThat(trials.stream().filter(t -> t.state() == TrialState.COMPLETE))
                    .allSatisfy(t -> assertThat(t.metrics()).containsKey("skips"));
        }
    }
}
