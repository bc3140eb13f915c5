package io.archforge.torch.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import io.archforge.space.MacroSpace;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.export.ModelExport;
import io.archforge.torch.train.LatencyMeter;
import io.archforge.torch.train.TrainingEvaluator;
import io.archforge.torch.train.TrainingRecipe;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link RobustnessEvaluator} around real training on the shipped Fashion-MNIST subset. */
class RobustnessEvaluatorTest {

    private static final TrainingRecipe QUICK =
            new TrainingRecipe(1, 16, 640, 200, 0.05f, 0.9f, 5e-4f);
    private static final Architecture SMALL =
            MacroSpace.create().parse(RobustAccuracyTest.SMALL);

    private static TrainingEvaluator training() {
        return new TrainingEvaluator(DataSources.shippedFashionMnistSubset(), QUICK,
                new LatencyMeter(0, 30, 1), 2, 1, 0);
    }

    @Test
    void zeroEpsilonReproducesAccuracy() {
        TrainingEvaluator inner = training();
        try (RobustnessEvaluator evaluator = new RobustnessEvaluator(inner,
                inner.validationImages(), new Attack.Fgsm(0))) {

            Evaluation evaluation = evaluator.evaluate(SMALL, EvaluationContext.detached(4));

            // Same images, same trained weights: the accuracy repeats exactly.
            assertThat(evaluation.metrics().get(RobustnessEvaluator.ROBUST_ACCURACY))
                    .isEqualTo(evaluation.metrics().get("accuracy"));
            assertThat(evaluation.attributes()).containsEntry("attack", "fgsm")
                    .containsEntry("attack_epsilon", "0.0")
                    .containsEntry("attack_images", "200")
                    .containsKey("attack_seconds");
            assertThat(evaluation.artifacts()).containsKey(ModelExport.WEIGHTS_FILE);
        }
    }

    @Test
    void metricsAddRobustAccuracy() {
        TrainingEvaluator inner = training();
        try (RobustnessEvaluator evaluator = new RobustnessEvaluator(inner,
                inner.validationImages(), new Attack.Pgd(0.1, 10))) {

            assertThat(evaluator.metrics()).containsAll(TrainingEvaluator.METRICS)
                    .contains(RobustnessEvaluator.ROBUST_ACCURACY);
            assertThat(evaluator.describe()).containsEntry("attack", "pgd")
                    .containsEntry("attack_steps", "10")
                    .containsKey("recipe");
            assertThat(evaluator.isNoisy()).isTrue();
        }
    }

    @Test
    void evaluatorWithoutWeightsIsRejected() {
        Evaluator lookUp = new Evaluator() {
            @Override
            public Set<String> metrics() {
                return Set.of("accuracy");
            }

            @Override
            public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
                return Evaluation.of(Map.of("accuracy", 50.0));
            }
        };
        RobustnessEvaluator evaluator = new RobustnessEvaluator(lookUp,
                DataSources.shippedFashionMnistSubset().test(), new Attack.Fgsm(0.1));

        assertThatThrownBy(() -> evaluator.evaluate(SMALL, EvaluationContext.detached(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no trained weights");
    }
}
