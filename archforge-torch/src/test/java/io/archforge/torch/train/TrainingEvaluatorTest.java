package io.archforge.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.Evaluation;
import io.archforge.eval.CostMetrics;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.eval.TrialPrunedException;
import io.archforge.fidelity.Fidelity;
import io.archforge.fidelity.FidelityKind;
import java.util.Optional;
import io.archforge.space.CellSpace;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.net.ReferenceNetworks;
import org.junit.jupiter.api.Test;

class TrainingEvaluatorTest {
    private static final TrainingRecipe QUICK =
            new TrainingRecipe(1, 64, 640, 200, 0.1f, 0.9f, 5e-4f);

    @Test
    void evaluationHasContractMetrics() {
        TrainTestData data = DataSources.shippedFashionMnistSubset();
        try (TrainingEvaluator evaluator =
                new TrainingEvaluator(data, QUICK, new LatencyMeter(3, 30, 1), 2, 1, 0)) {
            RecordingContext context = new RecordingContext(1);

            Evaluation evaluation = evaluator.evaluate(ReferenceNetworks.referenceMacro(),
                    context);

            assertThat(evaluation.metrics()).containsOnlyKeys(TrainingEvaluator.METRICS);
            assertThat(evaluation.metrics().get("accuracy")).isBetween(0.0, 100.0);
            assertThat(evaluation.metrics().get("params")).isBetween(0.01, 0.1);
            assertThat(evaluation.metrics().get("flops")).isPositive();
            assertThat(evaluation.metrics().get("latency_ms")).isPositive();
            assertThat(evaluation.metrics().get("latency_p90_ms"))
                    .isGreaterThanOrEqualTo(evaluation.metrics().get("latency_ms"));
            assertThat(context.reported).hasSize(1);
            assertThat(evaluation.attributes().get("data_source")).isEqualTo(data.source());
            assertThat(evaluation.attributes()).containsKeys("recipe", "djl_version",
                    "engine_version", "latency_p90_ms", "latency_outliers");
            assertThat(evaluation.metrics().get("memory_mb")).isPositive();
            assertThat(evaluation.metrics().get("energy_mj")).isPositive();
            assertThat(evaluation.attributes()).containsEntry("latency_batch_size", "32")
                    .containsEntry("latency_batch_runs", "30")
                    .containsKeys("latency_batch_ms", "latency_batch_p10_ms",
                            "latency_batch_p90_ms", "memory_measured_mb");
            assertThat(Double.parseDouble(evaluation.attributes().get("latency_batch_ms")))
                    .isGreaterThan(evaluation.metrics().get("latency_ms"));
            assertThat(evaluation.attributes().get("energy_model"))
                    .startsWith("model-based estimate");
            assertThat(evaluator.isNoisy()).isTrue();
        }
    }

    @Test
    void otherSpaceIsRejected() {
        try (TrainingEvaluator evaluator =
                TrainingEvaluator.standard(DataSources.shippedFashionMnistSubset())) {
            var cell = CellSpace.nb201().parse(
                    "|nor_conv_3x3~0|+|nor_conv_3x3~0|none~1|+|skip_connect~0|none~1|none~2|");

            assertThatThrownBy(() -> evaluator.evaluate(cell, new RecordingContext(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("macro");
        }
    }

    /** A context that requests {@code fidelity}. */
    private static RecordingContext at(Fidelity fidelity) {
        return new RecordingContext(1) {
            @Override
            public Optional<Fidelity> fidelity() {
                return Optional.of(fidelity);
            }
        };
    }

    @Test
    void aLowerFidelityTrainsFewerEpochsAndAStoppingRulePrunes() {
        TrainingRecipe twoEpochs = new TrainingRecipe(2, 64, 640, 200, 0.1f, 0.9f, 5e-4f);
        try (TrainingEvaluator evaluator = new TrainingEvaluator(
                DataSources.shippedFashionMnistSubset(), twoEpochs, new LatencyMeter(1, 30, 1), 2, 1, 0)) {
            assertThat(evaluator.fidelityRange()).get()
                    .satisfies(range -> assertThat(range.max()).isEqualTo(2.0));
            RecordingContext oneEpoch = at(Fidelity.epochs(1));
            Evaluation short_ = evaluator.evaluate(ReferenceNetworks.referenceMacro(), oneEpoch);
            assertThat(oneEpoch.reported).hasSize(1);
            assertThat(short_.metrics()).containsEntry(CostMetrics.TRAINING_EPOCHS, 1.0);

            RecordingContext pruning = new RecordingContext(1) {
                @Override
                public boolean earlyStopping() {
                    return true;
                }

                @Override
                public boolean shouldPrune() {
                    return true;
                }
            };
            assertThatThrownBy(() -> evaluator.evaluate(ReferenceNetworks.referenceMacro(), pruning))
                    .isInstanceOfSatisfying(TrialPrunedException.class, e -> {
                        assertThat(e.step()).isEqualTo(1);
                        assertThat(e.metrics()).containsEntry(CostMetrics.TRAINING_EPOCHS, 1.0)
                                .containsKeys("accuracy", "params", "flops", "memory_mb",
                                        "energy_mj");
                    });
            assertThat(pruning.reported).hasSize(1);

            RecordingContext half = at(Fidelity.dataFraction(0.5));
            Evaluation halfData = evaluator.evaluate(ReferenceNetworks.referenceMacro(), half);
            assertThat(half.reported).hasSize(2);
            assertThat(halfData.metrics()).containsEntry(CostMetrics.TRAINING_EPOCHS, 1.0);
            assertThat(evaluator.fidelityRange(FidelityKind.DATA_FRACTION)).get()
                    .satisfies(range -> assertThat(range.min()).isEqualTo(0.1));
        }
    }

    @Test
    void stopRequestPropagates() {
        try (TrainingEvaluator evaluator = new TrainingEvaluator(
                DataSources.shippedFashionMnistSubset(), QUICK, LatencyMeter.standard(), 2, 1, 0)) {
            assertThatThrownBy(() -> evaluator.evaluate(ReferenceNetworks.referenceMacro(),
                    new RecordingContext(1, 2)))
                    .isInstanceOf(EvaluationInterruptedException.class);
        }
    }
}
