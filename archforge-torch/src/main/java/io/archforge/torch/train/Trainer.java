package io.archforge.torch.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.archforge.eval.CostMetrics;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.TrialPrunedException;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.eval.DivergenceMonitor;
import io.archforge.eval.TrainingDivergedException;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.ImageDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a DJL network with a {@link TrainingRecipe} in a manual loop.
 *
 * <p>Every step is a {@link TrainingStep}, which keeps memory flat however many steps
 * run. Autograd is recorded on the calling thread only, so several trainers may run in
 * different threads at once. The seed fixes the initial weights and the order of the
 * images, so two runs with the same seed and intra-op thread count give the same
 * weights. The engine's random generator is shared by the process, so another thread
 * that draws random numbers during {@link #initialize} breaks that.
 *
 * <p>{@link #fit} frees the optimizer's state arrays when it returns or throws, so
 * memory also stays flat however many networks are trained one after another.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final int EVALUATION_BATCH = 500;

    private final TrainingRecipe recipe;

    public Trainer(TrainingRecipe recipe) {
        this.recipe = recipe;
    }

    public TrainingRecipe recipe() {
        return recipe;
    }

    /**
     * Seeds the engine and initializes the network's parameters in {@code manager}.
     *
     * @param input the input shape, with any batch size
     */
    public static void initialize(Block block, NDManager manager, Shape input, long seed) {
        manager.getEngine().setRandomSeed(Long.hashCode(seed));
        block.initialize(manager, DataType.FLOAT32, input);
    }

    /**
     * Trains an initialized network on all images of {@code data.train()} and scores it on
     * {@code data.validation()} after each epoch, reporting each score as {@code accuracy}
     * to the context. The epochs, the batch size, the optimizer and the augmentation come
     * from the recipe; the network already contains the recipe's dropout.
     *
     * @throws TrialPrunedException when {@code context.shouldPrune()} turns true after an
     *     epoch's report
     * @param manager the manager that owns the network's parameters
     * @throws EvaluationInterruptedException when {@code context.shouldStop()} turns true
     * @throws TrainingDivergedException when the loss diverges (see {@link DivergenceMonitor})
     */
    public TrainingResult fit(Block block, NDManager manager, DataSplit data, long seed,
            EvaluationContext context) {
        int totalSteps = stepsPerEpoch(data.train()) * recipe.epochs();
        return switch (recipe.optimizer()) {
            case SGD -> fit(block, manager, data, seed, context, optimizer(totalSteps));
            case ADAM -> {
                try (ClosableAdam adam = new ClosableAdam(Optimizer.adam()
                        .optLearningRateTracker(schedule(totalSteps))
                        .optWeightDecays(recipe.weightDecay()))) {
                    yield train(block, manager, data, seed, context, adam);
                }
            }
            case ADAMW -> {
                try (ClosableAdamW adamW = new ClosableAdamW(Optimizer.adamW()
                        .optLearningRateTracker(schedule(totalSteps))
                        .optWeightDecays(recipe.weightDecay()))) {
                    yield train(block, manager, data, seed, context, adamW);
                }
            }
        };
    }

    /**
     * Trains as {@link #fit(Block, NDManager, DataSplit, long, EvaluationContext)} does,
     * with {@code optimizer}, and closes the optimizer before returning or throwing.
     */
    TrainingResult fit(Block block, NDManager manager, DataSplit data, long seed,
            EvaluationContext context, ClosableSgd optimizer) {
        try (optimizer) {
            return train(block, manager, data, seed, context, optimizer);
        }
    }

    private TrainingResult train(Block block, NDManager manager, DataSplit data, long seed,
            EvaluationContext context, Optimizer optimizer) {
        ImageDataset train = data.train();
        int stepsPerEpoch = stepsPerEpoch(train);
        TrainingStep step = new TrainingStep(block, manager, optimizer);
        ParameterStore parameters = new ParameterStore(manager, false);
        Batches batches = new Batches(train, recipe.batchSize(), seed, recipe.augmentation());

        List<Double> accuracies = new ArrayList<>();
        DivergenceMonitor divergence = new DivergenceMonitor();
        double lossSum = 0;
        long trainNanos = 0;
        for (int epoch = 1; epoch <= recipe.epochs(); epoch++) {
            // One pass over a fresh shuffle
            batches.shuffle();
            lossSum = 0;
            long start = System.nanoTime();
            for (int index = 0; index < stepsPerEpoch; index++) {
                checkStop(context, "epoch " + epoch + ", step " + index);
                int batch = index;
                float loss = step.run(m -> new NDList(batches.images(m, batch),
                        batches.labels(m, batch)));
                lossSum += divergence.check(loss, epoch, index + 1);
            }
            trainNanos += System.nanoTime() - start;

            // Score on the held-out images
            double accuracy = accuracy(block, manager, parameters, data.validation(), context);
            accuracies.add(accuracy);
            context.report(epoch, "accuracy", accuracy);
            if (context.shouldPrune()) {
                throw new TrialPrunedException(epoch, Map.of("accuracy", accuracy,
                        CostMetrics.TRAINING_EPOCHS, (double) epoch));
            }
            LOG.debug("Trial {} epoch {}: loss {}, validation accuracy {}%",
                    context.trialNumber(), epoch, lossSum / stepsPerEpoch, accuracy);
        }
        return new TrainingResult(accuracies, stepsPerEpoch * recipe.epochs(),
                trainNanos / 1e9, lossSum / stepsPerEpoch);
    }

    private int stepsPerEpoch(ImageDataset train) {
        int stepsPerEpoch = train.size() / recipe.batchSize();
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("training split has " + train.size()
                    + " images, fewer than one batch of " + recipe.batchSize());
        }
        return stepsPerEpoch;
    }

    /**
     * Returns the percentage of {@code images} that the network classifies correctly,
     * running in inference mode with autograd off.
     */
    public static double accuracy(Block block, NDManager manager, ParameterStore parameters,
            ImageDataset images, EvaluationContext context) {
        boolean previous = DjlRuntime.setGradMode(false);
        try {
            long correct = 0;
            Batches batches = new Batches(images, EVALUATION_BATCH, 0);
            for (int start = 0; start < images.size(); start += EVALUATION_BATCH) {
                checkStop(context, "validation");
                int size = Math.min(EVALUATION_BATCH, images.size() - start);
                try (NDManager step = manager.newSubManager()) {
                    NDArray input = batches.range(step, start, size);
                    NDArray labels = batches.labelRange(step, start, size);
                    NDArray logits = block.forward(parameters, new NDList(input), false)
                            .singletonOrThrow();
                    correct += logits.argMax(1).eq(labels).countNonzero().getLong();
                }
            }
            return 100.0 * correct / images.size();
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /**
     * Creates the recipe's SGD optimizer, whose cosine schedule ends after
     * {@code totalSteps}, whatever optimizer the recipe names.
     */
    ClosableSgd optimizer(int totalSteps) {
        return new ClosableSgd(Optimizer.sgd()
                .setLearningRateTracker(schedule(totalSteps))
                .optMomentum(recipe.momentum())
                .optWeightDecays(recipe.weightDecay()));
    }

    /** Creates the schedule that lowers the rate along a cosine to 0 in {@code totalSteps}. */
    private Tracker schedule(int totalSteps) {
        return Tracker.cosine()
                .setBaseValue(recipe.learningRate())
                .optFinalValue(0f)
                .setMaxUpdates(totalSteps)
                .build();
    }

    private static void checkStop(EvaluationContext context, String position) {
        if (context.shouldStop()) {
            throw new EvaluationInterruptedException("training of trial "
                    + context.trialNumber() + " stopped at " + position);
        }
    }
}
