package io.archforge.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.net.MacroNetworkBuilder;
import io.archforge.torch.net.ReferenceNetworks;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final Shape IMAGE = new Shape(1, 1, 28, 28);
    private static final TrainingRecipe SHORT =
            new TrainingRecipe(2, 64, 1_600, 500, 0.1f, 0.9f, 5e-4f);
    private static DataSplit split;

    @BeforeAll
    static void loadData() {
        ImageDataset train = DataSources.shippedFashionMnistSubset().train();
        split = DataSplit.carve(train, SHORT.validationImages(), SHORT.trainImages(), 0);
        DjlRuntime.setThreads(1);
    }

    @Test
    void shortRunLearns() {
        RecordingContext context = new RecordingContext(5);

        TrainingResult result = train(SHORT, split, context);

        // Chance is 10% on ten balanced classes.
        assertThat(result.accuracy()).isGreaterThan(60.0);
        assertThat(result.steps()).isEqualTo(2 * 25);
        assertThat(result.epochAccuracies()).hasSize(2);
        assertThat(context.reported).isEqualTo(result.epochAccuracies());
        assertThat(result.finalLoss()).isLessThan(Math.log(10));
    }

    @Test
    void sameSeedRepeats() {
        TrainingResult first = train(SHORT, split, new RecordingContext(9));
        TrainingResult second = train(SHORT, split, new RecordingContext(9));

        assertThat(second.epochAccuracies()).isEqualTo(first.epochAccuracies());
        assertThat(second.finalLoss()).isEqualTo(first.finalLoss());
    }

    @Test
    void concurrentTrainersMatchSequential() throws Exception {
        TrainingRecipe recipe = new TrainingRecipe(1, 64, 640, 500, 0.1f, 0.9f, 5e-4f);
        DataSplit small = DataSplit.carve(split.train(), 500, 640, 2);
        TrainingResult alone = train(recipe, small, new RecordingContext(21));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<TrainingResult> first =
                    pool.submit(() -> train(recipe, small, new RecordingContext(21)));
            Future<TrainingResult> second =
                    pool.submit(() -> train(recipe, small, new RecordingContext(21)));

            assertThat(first.get().epochAccuracies()).isEqualTo(alone.epochAccuracies());
            assertThat(second.get().epochAccuracies()).isEqualTo(alone.epochAccuracies());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stopRequestInterrupts() {
        RecordingContext context = new RecordingContext(5, 3);

        assertThatThrownBy(() -> train(SHORT, split, context))
                .isInstanceOf(EvaluationInterruptedException.class)
                .hasMessageContaining("step 3");
        assertThat(context.checks()).isEqualTo(4);
        assertThat(context.reported).isEmpty();
    }

    @Test
    void memoryStaysFlat() {
        DataSplit tiny = DataSplit.carve(split.train(), 64, 256, 1);
        int fewSteps = managedArraysAfter(new TrainingRecipe(1, 32, 256, 64, 0.1f, 0.9f, 0), tiny);
        int manySteps = managedArraysAfter(new TrainingRecipe(6, 32, 256, 64, 0.1f, 0.9f, 0), tiny);

        assertThat(manySteps).isEqualTo(fewSteps);
    }

    @Test
    void optimizerStateFreedAfterTraining() {
        TrainingRecipe recipe = new TrainingRecipe(1, 32, 256, 64, 0.1f, 0.9f, 5e-4f);
        DataSplit tiny = DataSplit.carve(split.train(), 64, 256, 1);
        Trainer trainer = new Trainer(recipe);
        ClosableSgd optimizer = trainer.optimizer(recipe.stepsPerEpoch());

        int trainable = fitWith(trainer, optimizer, tiny, new RecordingContext(3));

        // With momentum, SGD keeps one state array per trainable parameter.
        assertThat(optimizer.states()).hasSize(trainable);
        List<NDArray> states = optimizer.states();
        for (int i = 0; i < states.size(); i++) {
            assertThat(states.get(i).isReleased()).as("state %d", i).isTrue();
        }
    }

    @Test
    void optimizerStateFreedWhenStopped() {
        TrainingRecipe recipe = new TrainingRecipe(1, 32, 256, 64, 0.1f, 0.9f, 5e-4f);
        DataSplit tiny = DataSplit.carve(split.train(), 64, 256, 1);
        Trainer trainer = new Trainer(recipe);
        ClosableSgd optimizer = trainer.optimizer(recipe.stepsPerEpoch());
        RecordingContext stopping = new RecordingContext(3, 2);

        assertThatThrownBy(() -> fitWith(trainer, optimizer, tiny, stopping))
                .isInstanceOf(EvaluationInterruptedException.class);

        assertThat(optimizer.states()).isNotEmpty();
        List<NDArray> states = optimizer.states();
        for (int i = 0; i < states.size(); i++) {
            assertThat(states.get(i).isReleased()).as("state %d", i).isTrue();
        }
    }

    /**
     * Trains the reference network with {@code optimizer} and returns the number of its
     * trainable parameters.
     */
    private static int fitWith(Trainer trainer, ClosableSgd optimizer, DataSplit data,
            RecordingContext context) {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SequentialBlock network = new MacroNetworkBuilder(10, 2)
                    .build(ReferenceNetworks.referenceMacro());
            Trainer.initialize(network, manager, IMAGE, context.seed());
            trainer.fit(network, manager, data, context.seed(), context, optimizer);
            int trainable = 0;
            for (Parameter parameter : network.getParameters().values()) {
                if (parameter.requiresGradient()) {
                    trainable++;
                }
            }
            return trainable;
        }
    }

    private static int managedArraysAfter(TrainingRecipe recipe, DataSplit data) {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SequentialBlock network = new MacroNetworkBuilder(10, 2)
                    .build(ReferenceNetworks.referenceMacro());
            Trainer.initialize(network, manager, IMAGE, 3);
            new Trainer(recipe).fit(network, manager, data, 3, new RecordingContext(3));
            return manager.getManagedArrays().size();
        }
    }

    private static TrainingResult train(TrainingRecipe recipe, DataSplit data,
            RecordingContext context) {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SequentialBlock network = new MacroNetworkBuilder(10, 2)
                    .build(ReferenceNetworks.referenceMacro());
            // Seeding and initialization share the engine's generator, so they run as one.
            synchronized (TrainerTest.class) {
                Trainer.initialize(network, manager, IMAGE, context.seed());
            }
            return new Trainer(recipe).fit(network, manager, data, context.seed(), context);
        }
    }
}
