package io.archforge.benchmarks.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.space.SearchSpaces;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Nb201EvaluatorTest {

    private static final String BEST_CIFAR100 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|"
            + "+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    private static Nb201Table table;

    @BeforeAll
    static void load() {
        table = Nb201Table.load();
    }

    @Test
    void returnsTableValues() {
        Architecture cell = table.space().parse(BEST_CIFAR100);
        int index = table.indexOf(cell);
        try (Nb201Evaluator evaluator =
                new Nb201Evaluator(table, Nb201Dataset.CIFAR100, Optional.of("pixel3"))) {
            Evaluation evaluation = evaluator.evaluate(cell, new FixedContext());
            assertThat(evaluation.metrics()).containsOnlyKeys(evaluator.metrics());
            assertThat(evaluation.metrics().get("test_accuracy"))
                    .isEqualTo(table.testAccuracy(index, Nb201Dataset.CIFAR100))
                    .isEqualTo(table.bestTestAccuracy(Nb201Dataset.CIFAR100));
            assertThat(evaluation.metrics().get("valid_accuracy_12ep"))
                    .isEqualTo(table.validAccuracy12(index, Nb201Dataset.CIFAR100));
            assertThat(evaluation.metrics().get("test_accuracy_12ep"))
                    .isEqualTo(table.testAccuracy12(index, Nb201Dataset.CIFAR100));
            assertThat(evaluation.metrics().get("latency_ms"))
                    .isEqualTo(table.latencyMs(index, "pixel3"));
            assertThat(evaluation.attributes()).containsEntry("nb201_index",
                    Integer.toString(index));
        }
    }

    @Test
    void costMetricsFollowDataset() {
        Architecture cell = table.space().parse(BEST_CIFAR100);
        Evaluation cifar10 = new Nb201Evaluator(table, Nb201Dataset.CIFAR10, Optional.empty())
                .evaluate(cell, new FixedContext());
        Evaluation imagenet = new Nb201Evaluator(table, Nb201Dataset.IMAGENET16_120,
                Optional.empty()).evaluate(cell, new FixedContext());
        assertThat(cifar10.metrics()).doesNotContainKey("latency_ms");
        assertThat(imagenet.metrics().get("params")).isGreaterThan(cifar10.metrics().get("params"));
        assertThat(imagenet.metrics().get("flops")).isLessThan(cifar10.metrics().get("flops"));
    }

    @Test
    void unknownDeviceListsAllDevices() {
        assertThatThrownBy(() -> new Nb201Evaluator(table, Nb201Dataset.CIFAR10,
                Optional.of("gpu")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'gpu'")
                .hasMessageContaining(String.join(", ", table.devices()));
    }

    @Test
    void rejectsOtherSpace() {
        SearchSpace macro = SearchSpaces.byName("macro");
        Architecture other = macro.sample(new java.util.SplittableRandom(1));
        Nb201Evaluator evaluator =
                new Nb201Evaluator(table, Nb201Dataset.CIFAR10, Optional.empty());
        assertThatThrownBy(() -> evaluator.evaluate(other, new FixedContext()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nb201");
    }

    @Test
    void datasetParseListsNames() {
        assertThat(Nb201Dataset.parse("ImageNet16-120")).isEqualTo(Nb201Dataset.IMAGENET16_120);
        assertThatThrownBy(() -> Nb201Dataset.parse("mnist"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mnist'")
                .hasMessageContaining("cifar10, cifar100, imagenet16-120");
    }

    /** A context for look-ups, which never report or stop. */
    private static final class FixedContext implements EvaluationContext {

        @Override
        public int trialNumber() {
            return 0;
        }

        @Override
        public long seed() {
            return 1;
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
