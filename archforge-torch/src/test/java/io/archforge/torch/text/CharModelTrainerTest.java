package io.archforge.torch.text;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.TinyGptSpace.Block;
import io.archforge.space.TinyGptSpace.Config;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharModelTrainerTest {

    private static final String PANGRAM = "the quick brown fox jumps over the lazy dog. ";

    @Test
    void smallModelOverfitsTinyText() {
        TextCorpus corpus = new TextCorpus("pangram", "test text", PANGRAM.repeat(40));
        CharTrainingSettings settings = new CharTrainingSettings(1, 150, 16, 16, 1e-2f);
        TokenSplit data = TokenSplit.of(corpus, settings.context());
        CharModelTrainer trainer = new CharModelTrainer(settings);
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            CharTransformer model = new CharTransformer(
                    new Config(32, true, List.of(new Block(2, 2))), data.vocabulary().size(),
                    settings.context());
            Trainer.initialize(model, manager, new Shape(1, settings.context()), 3);
            double untrained = Math.exp(trainer.crossEntropy(model, manager, data));

            CharTrainingResult result = trainer.fit(model, manager, data, 3,
                    EvaluationContext.detached(3));

            assertThat(data.vocabulary().size()).isEqualTo(29);
            assertThat(untrained).isGreaterThan(15);
            assertThat(result.perplexity()).isLessThan(2.0);
            assertThat(result.bitsPerChar()).isLessThan(1.0);
            assertThat(result.steps()).isEqualTo(150);
        }
    }

    @Test
    void bigramBeatsUniformOnPattern() {
        TextCorpus corpus = new TextCorpus("pangram", "test text", PANGRAM.repeat(40));
        TokenSplit data = TokenSplit.of(corpus, 16);

        double perplexity = Math.exp(BigramModel.fit(data, 0.1).crossEntropy(data));

        // Most characters of the pangram have one successor; 'o', 'e', ' ' and 'h' have more
        assertThat(perplexity).isGreaterThan(1.0).isLessThan(2.0);
    }

    @Test
    void bigramProbabilitiesSumToOne() {
        TextCorpus corpus = new TextCorpus("pangram", "test text", PANGRAM.repeat(40));
        TokenSplit data = TokenSplit.of(corpus, 16);
        BigramModel model = BigramModel.fit(data, 0.5);

        for (int previous = 0; previous < data.vocabulary().size(); previous++) {
            double sum = 0;
            for (int next = 0; next < data.vocabulary().size(); next++) {
                sum += model.probability(previous, next);
            }
            assertThat(sum).as("row %d", previous).isCloseTo(1.0,
                    org.assertj.core.api.Assertions.within(1e-9));
        }
    }
}
