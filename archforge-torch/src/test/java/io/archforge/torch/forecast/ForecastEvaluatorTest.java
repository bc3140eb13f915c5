package io.archforge.torch.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.ForecastingSpace;
import io.archforge.space.ForecastingSpace.BlockType;
import io.archforge.space.ForecastingSpace.Design;
import io.archforge.space.ForecastingSpace.LookbackFraction;
import io.archforge.space.ForecastingSpace.Normalization;
import io.archforge.torch.forecast.ChronologicalSplit.Part;
import io.archforge.torch.train.LatencyMeter;
import org.junit.jupiter.api.Test;

class ForecastEvaluatorTest {

    @Test
    void smallMlpBeatsNaiveOnEtth1() {
        ForecastDataset etth1 = ForecastDatasets.byName("etth1");
        ForecastData data = ForecastData.prepare(ForecastDatasets.load(etth1, "OT",
                MissingValues.INTERPOLATE), etth1.split(), 96, 24);
        ForecastErrors naive = ForecastErrors.naive(data.windows(Part.VALIDATION, 1),
                data.naiveScale());
        Design design = new Design(BlockType.MLP, 32, 1, Normalization.REVIN,
                LookbackFraction.FULL, 1e-2, 1e-4, 32, 0.0);

        try (ForecastEvaluator evaluator = new ForecastEvaluator(data, 3, 2048,
                new LatencyMeter(2, LatencyMeter.MIN_RUNS, 1), 1)) {
            Evaluation evaluation = evaluator.evaluate(ForecastingSpace.of(design),
                    EvaluationContext.detached(11));

            assertThat(evaluation.metrics()).containsOnlyKeys(ForecastEvaluator.METRICS);
            assertThat(evaluation.metrics().get("mse")).isLessThan(naive.mse());
            assertThat(evaluation.metrics().get("mae")).isLessThan(naive.mae());
            assertThat(evaluation.metrics().get("test_mse")).isFinite().isPositive();
            assertThat(evaluation.metrics().get("params"))
                    .isCloseTo((96.0 * 32 + 32 + 32 * 24 + 24 + 2) / 1e6, within(1e-12));
            assertThat(evaluation.metrics().get("latency_ms")).isPositive();
            assertThat(evaluation.attributes()).containsKeys("best_epoch", "training_stride");
        }
    }
}
