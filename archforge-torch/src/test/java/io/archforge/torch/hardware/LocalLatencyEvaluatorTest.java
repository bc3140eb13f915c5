package io.archforge.torch.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201NetworkBuilder;
import io.archforge.torch.train.LatencyMeter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalLatencyEvaluatorTest {

    private static final Nb201NetworkBuilder BUILDER =
            Nb201NetworkBuilder.forInput(Nb201Input.of("imagenet16-120"));
    private static final Architecture CONVOLUTIONS = CellSpace.nb201().parse(
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+"
                    + "|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");
    private static final Architecture EMPTY = CellSpace.nb201().parse(
            "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");

    @Test
    void addsMeasuredLatencyOnce() {
        CountingEvaluator table = new CountingEvaluator();
        try (LocalLatencyEvaluator evaluator = new LocalLatencyEvaluator(table, BUILDER,
                new LatencyMeter(2, 30, 1))) {

            Evaluation first = evaluator.evaluate(CONVOLUTIONS, new Context());
            Evaluation again = evaluator.evaluate(CONVOLUTIONS, new Context());
            Evaluation empty = evaluator.evaluate(EMPTY, new Context());

            assertThat(evaluator.metrics()).containsExactlyInAnyOrder("params", "latency_ms",
                    "latency_p90_ms");
            assertThat(evaluator.isNoisy()).isTrue();
            assertThat(table.calls.get()).isEqualTo(3);
            assertThat(first.metrics()).containsEntry("params", 1.0);
            assertThat(first.metrics().get("latency_ms")).isPositive();
            assertThat(first.metrics().get("latency_p90_ms"))
                    .isGreaterThanOrEqualTo(first.metrics().get("latency_ms"));
            assertThat(first.attributes()).containsEntry("latency_runs", "30")
                    .containsEntry("latency_reused", "false")
                    .containsKeys("latency_p10_ms", "latency_p90_ms", "latency_outliers");
            assertThat(again.metrics().get("latency_ms"))
                    .isEqualTo(first.metrics().get("latency_ms"));
            assertThat(again.attributes()).containsEntry("latency_reused", "true");
            assertThat(empty.metrics().get("latency_ms"))
                    .isLessThan(first.metrics().get("latency_ms"));
            assertThat(evaluator.describe()).containsEntry("device", "local");
        }
    }

    @Test
    void rejectsDelegateWithLatency() {
        Evaluator withLatency = new CountingEvaluator() {
            @Override
            public Set<String> metrics() {
                return Set.of("latency_ms");
            }
        };

        assertThatThrownBy(() -> new LocalLatencyEvaluator(withLatency, BUILDER,
                LatencyMeter.standard()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latency_ms");
    }

    /** Returns {@code params = 1} and counts its calls. */
    private static class CountingEvaluator implements Evaluator {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Set<String> metrics() {
            return Set.of("params");
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            calls.incrementAndGet();
            return new Evaluation(Map.of("params", 1.0), Map.of("source", "test"));
        }
    }

    private static final class Context implements EvaluationContext {
        @Override
        public int trialNumber() {
            return 0;
        }

        @Override
        public long seed() {
            return 0;
        }

        @Override
        public void report(int step, String metric, double value) {
        }

        @Override
        public boolean shouldStop() {
            return false;
        }
    }
}
