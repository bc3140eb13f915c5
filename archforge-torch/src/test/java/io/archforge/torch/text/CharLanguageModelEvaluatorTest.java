package io.archforge.torch.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.Architecture;
import io.archforge.space.TinyGptSpace;
import io.archforge.space.TinyGptSpace.Block;
import io.archforge.space.TinyGptSpace.Config;
import io.archforge.torch.train.LatencyMeter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharLanguageModelEvaluatorTest {

    @Test
    void trainedModelBeatsUniformGuess() {
        CharTrainingSettings settings = new CharTrainingSettings(1, 60, 16, 64, 3e-3f);
        Architecture architecture = TinyGptSpace.of(
                new Config(32, true, List.of(new Block(2, 2), new Block(4, 3))));
        try (CharLanguageModelEvaluator evaluator = new CharLanguageModelEvaluator(
                TextCorpora.bundledJargon(), settings, new LatencyMeter(2, 30, 1), 1)) {
            int vocabulary = evaluator.data().vocabulary().size();

            Evaluation evaluation = evaluator.evaluate(architecture,
                    EvaluationContext.detached(5));

            double perplexity = evaluation.metrics().get("perplexity");
            assertThat(evaluation.metrics().keySet())
                    .containsExactlyInAnyOrderElementsOf(evaluator.metrics());
            assertThat(perplexity).isLessThan(vocabulary / 4.0);
            assertThat(evaluation.metrics().get("bits_per_char"))
                    .isCloseTo(Math.log(perplexity) / Math.log(2),
                            org.assertj.core.api.Assertions.within(1e-9));
            assertThat(evaluation.metrics().get("latency_ms")).isPositive();
            assertThat(evaluation.metrics().get("params")).isGreaterThan(0.02);
            assertThat(evaluation.attributes().get("data_source")).contains("bundled excerpt");
            assertThat(evaluator.describe().get("split")).contains("first 90%");
            assertThat(Double.parseDouble(evaluator.describe().get("bigram_perplexity")))
                    .isBetween(5.0, 30.0);
        }
    }
}
