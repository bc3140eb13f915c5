package io.archforge.benchmarks.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.hardware.EnergyModel;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.space.SearchSpaces;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Nb201EvaluatorTest {

    private static final String BEST_CIFAR100 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|"
            + "+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    private static final String EMPTY = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";

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
    void reportsMemoryAndEnergyEstimates() {
        Architecture best = table.space().parse(BEST_CIFAR100);
        Architecture empty = table.space().parse(EMPTY);
        Nb201Evaluator evaluator =
                new Nb201Evaluator(table, Nb201Dataset.CIFAR10, Optional.empty());

        Evaluation large = evaluator.evaluate(best, new FixedContext());
        Evaluation small = evaluator.evaluate(empty, new FixedContext());

        Nb201NetworkCost.Cost cost = Nb201NetworkCost.of(
                table.genes(table.indexOf(best)), Nb201Dataset.CIFAR10);
        assertThat(evaluator.metrics()).contains("memory_mb", "energy_mj");
        assertThat(large.metrics().get("memory_mb")).isEqualTo(cost.memory().megabytes());
        assertThat(large.metrics().get("energy_mj")).isEqualTo(EnergyModel.horowitz45nm()
                .estimateMillijoules(cost.macs(), cost.memory()));
        assertThat(large.metrics().get("memory_mb"))
                .isGreaterThan(small.metrics().get("memory_mb"));
        assertThat(large.metrics().get("energy_mj"))
                .isGreaterThan(small.metrics().get("energy_mj"));
        assertThat(large.attributes().get("energy_model")).startsWith("model-based estimate");
    }

    @Test
    void extraDevicesBecomeLatencyMetrics() {
        Architecture cell = table.space().parse(BEST_CIFAR100);
        int index = table.indexOf(cell);
        Nb201Evaluator evaluator = new Nb201Evaluator(table, Nb201Dataset.CIFAR10,
                Optional.of("pixel3"), List.of("raspi4", "titan_rtx_1", "raspi4"));

        Evaluation evaluation = evaluator.evaluate(cell, new FixedContext());

        assertThat(evaluator.metrics()).contains("latency_ms", "latency_ms@raspi4",
                "latency_ms@titan_rtx_1");
        assertThat(evaluation.metrics()).containsOnlyKeys(evaluator.metrics());
        assertThat(evaluation.metrics().get("latency_ms"))
                .isEqualTo(table.latencyMs(index, "pixel3"));
        assertThat(evaluation.metrics().get("latency_ms@raspi4"))
                .isEqualTo(table.latencyMs(index, "raspi4"));
        assertThat(evaluation.metrics().get("latency_ms@titan_rtx_1"))
                .isEqualTo(table.latencyMs(index, "titan_rtx_1"));
        assertThat(evaluator.describe()).containsEntry("extra_devices", "raspi4,titan_rtx_1");
    }

    @Test
    void unknownExtraDeviceListsValidNames() {
        assertThatThrownBy(() -> new Nb201Evaluator(table, Nb201Dataset.CIFAR10,
                Optional.empty(), List.of("raspi4", "raspi5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'raspi5'")
                .hasMessageContaining(String.join(", ", table.devices()));
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
