package io.archforge.torch.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.archforge.space.TinyGptSpace.Block;
import io.archforge.space.TinyGptSpace.Config;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharTransformerTest {

    private static final int VOCABULARY = 11;
    private static final int CONTEXT = 8;

    @Test
    void causalMaskHidesTheFuture() {
        Config config = new Config(32, true, List.of(new Block(4, 2), new Block(2, 3)));
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            CharTransformer model = initialized(config, manager);
            long[] tokens = {1, 2, 3, 4, 5, 6, 7, 8};
            long[] changed = tokens.clone();
            changed[CONTEXT - 1] = 0;

            float[] before = logits(model, manager, tokens);
            float[] after = logits(model, manager, changed);

            int earlier = (CONTEXT - 1) * VOCABULARY;
            for (int i = 0; i < earlier; i++) {
                assertThat(after[i]).as("logit %d", i).isCloseTo(before[i], within(1e-6f));
            }
            double lastDifference = 0;
            for (int i = earlier; i < before.length; i++) {
                lastDifference += Math.abs(after[i] - before[i]);
            }
            assertThat(lastDifference).isGreaterThan(1e-4);
        }
    }

    @Test
    void earlierTokenChangesLaterOutputs() {
        Config config = new Config(32, false, List.of(new Block(1, 2)));
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            CharTransformer model = initialized(config, manager);
            long[] tokens = {1, 2, 3, 4, 5, 6, 7, 8};
            long[] changed = tokens.clone();
            changed[0] = 9;

            float[] before = logits(model, manager, tokens);
            float[] after = logits(model, manager, changed);

            int last = (CONTEXT - 1) * VOCABULARY;
            double difference = 0;
            for (int i = last; i < before.length; i++) {
                difference += Math.abs(after[i] - before[i]);
            }
            assertThat(difference).isGreaterThan(1e-4);
        }
    }

    @Test
    void parameterCountsFollowTheBlocks() {
        List<Config> configs = List.of(
                new Config(32, true, List.of(new Block(1, 2))),
                new Config(32, true, List.of(new Block(8, 2))),
                new Config(64, false, List.of(new Block(2, 4), new Block(4, 3))),
                new Config(96, true, List.of(new Block(8, 2), new Block(1, 3), new Block(2, 4),
                        new Block(4, 4))));
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            for (Config config : configs) {
                CharTransformer model = initialized(config, manager);

                assertThat(model.trainableParameters()).as("%s", config)
                        .isEqualTo(expectedParameters(config));
            }
        }
    }

    @Test
    void headsLeaveParameterCountUnchanged() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            long single = initialized(new Config(64, true, List.of(new Block(1, 3))), manager)
                    .trainableParameters();
            long eight = initialized(new Config(64, true, List.of(new Block(8, 3))), manager)
                    .trainableParameters();
            long wider = initialized(new Config(64, true, List.of(new Block(8, 4))), manager)
                    .trainableParameters();

            assertThat(eight).isEqualTo(single);
            // One more unit of MLP ratio adds 2 * 64 * 64 weights and 64 biases
            assertThat(wider - eight).isEqualTo(2L * 64 * 64 + 64);
        }
    }

    @Test
    void outputHasVocabularyLogits() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            CharTransformer model = initialized(new Config(32, true, List.of(new Block(2, 2))),
                    manager);
            NDArray input = manager.create(new long[] {1, 2, 3}, new Shape(1, 3));

            NDArray output = model.forward(new ParameterStore(manager, false),
                    new NDList(input), false).head();

            assertThat(output.getShape()).isEqualTo(new Shape(1, 3, VOCABULARY));
        }
    }

    /** Counts weights by the formula of a pre-LayerNorm GPT block with a tied head. */
    private static long expectedParameters(Config config) {
        long e = config.embed();
        long biases = config.bias() ? 1 : 0;
        long count = (VOCABULARY + CONTEXT) * e;
        for (Block block : config.blocks()) {
            long hidden = block.mlpRatio() * e;
            count += 2 * (e + biases * e);
            count += 3 * e * e + biases * 3 * e;
            count += e * e + biases * e;
            count += e * hidden + biases * hidden;
            count += hidden * e + biases * e;
        }
        return count + e + biases * e;
    }

    private static CharTransformer initialized(Config config, NDManager manager) {
        CharTransformer model = new CharTransformer(config, VOCABULARY, CONTEXT);
        Trainer.initialize(model, manager, new Shape(1, CONTEXT), 7);
        return model;
    }

    private static float[] logits(CharTransformer model, NDManager manager, long[] tokens) {
        NDArray input = manager.create(tokens, new Shape(1, tokens.length));
        return model.forward(new ParameterStore(manager, false), new NDList(input), false)
                .head().get(new NDIndex(0)).toFloatArray();
    }
}
