package io.archforge.torch.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.eval.DivergenceMonitor;
import io.archforge.eval.TrainingDivergedException;
import io.archforge.eval.TrialPrunedException;
import io.archforge.torch.train.ClosableAdam;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.ThreadGradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link CharTransformer} on random windows of a training text and scores it
 * on the held-out text.
 *
 * <p>Each step draws {@code batchSize} windows at uniform random offsets of the training
 * tokens from a generator seeded with the trial seed; the model predicts every next
 * character of each window, and the loss is the mean softmax cross-entropy. Scoring runs
 * over consecutive, non-overlapping windows of the held-out tokens, so the first
 * characters of each window are predicted from a short context.
 */
public final class CharModelTrainer {

    /** The windows per forward pass when scoring. */
    private static final int SCORING_BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(CharModelTrainer.class);

    private final CharTrainingSettings settings;
    private final Loss loss = Loss.softmaxCrossEntropyLoss();

    /** Creates a trainer with these settings. */
    public CharModelTrainer(CharTrainingSettings settings) {
        this.settings = settings;
    }

    /** Returns the settings. */
    public CharTrainingSettings settings() {
        return settings;
    }

    /**
     * Trains an initialized model and scores it on the held-out tokens after each epoch,
     * reporting each score as {@code perplexity} to the context.
     *
     * @param manager the manager that owns the model's parameters
     * @throws TrialPrunedException when {@code context.shouldPrune()} turns true after an
     *     epoch's report
     * @throws EvaluationInterruptedException when {@code context.shouldStop()} turns true
     * @throws TrainingDivergedException when the loss diverges (see {@link DivergenceMonitor})
     */
    public CharTrainingResult fit(CharTransformer model, NDManager manager, TokenSplit data,
            long seed, EvaluationContext context) {
        try (ClosableAdam adam = new ClosableAdam(Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed(settings.learningRate())))) {
            return train(model, manager, data, seed, context, adam);
        }
    }

    private CharTrainingResult train(CharTransformer model, NDManager manager, TokenSplit data,
            long seed, EvaluationContext context, Optimizer optimizer) {
        SplittableRandom random = new SplittableRandom(seed);
        ParameterStore parameters = new ParameterStore(manager, false);
        List<Parameter> trainable = trainable(model);
        double crossEntropy = Double.NaN;
        DivergenceMonitor divergence = new DivergenceMonitor();
        double lossSum = 0;
        long trainNanos = 0;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            // A fixed number of steps on random windows
            lossSum = 0;
            long start = System.nanoTime();
            for (int step = 0; step < settings.stepsPerEpoch(); step++) {
                checkStop(context, "epoch " + epoch + ", step " + step);
                float loss = step(model, manager, parameters, trainable, optimizer,
                        data, random);
                lossSum += divergence.check(loss, epoch, step + 1);
            }
            trainNanos += System.nanoTime() - start;

            // Score on the held-out text
            crossEntropy = crossEntropy(model, manager, data);
            double perplexity = Math.exp(crossEntropy);
            context.report(epoch, "perplexity", perplexity);
            LOG.debug("Trial {} epoch {}: loss {}, held-out perplexity {}",
                    context.trialNumber(), epoch, lossSum / settings.stepsPerEpoch(), perplexity);
            if (context.shouldPrune()) {
                throw new TrialPrunedException(epoch, Map.of("perplexity", perplexity));
            }
        }
        return new CharTrainingResult(crossEntropy, trainNanos / 1e9,
                lossSum / settings.stepsPerEpoch(), settings.epochs() * settings.stepsPerEpoch());
    }

    private static List<Parameter> trainable(CharTransformer model) {
        List<Parameter> trainable = new ArrayList<>();
        for (Parameter parameter : model.getParameters().values()) {
            if (parameter.requiresGradient()) {
                trainable.add(parameter);
            }
        }
        return trainable;
    }

    /** Runs one optimizer step on a batch of random windows and returns its mean loss. */
    private float step(CharTransformer model, NDManager manager, ParameterStore parameters,
            List<Parameter> trainable, Optimizer optimizer, TokenSplit data,
            SplittableRandom random) {
        int context = settings.context();
        int batch = settings.batchSize();
        long[] inputs = new long[batch * context];
        long[] targets = new long[batch * context];
        for (int row = 0; row < batch; row++) {
            int offset = random.nextInt(data.trainLength() - context);
            for (int i = 0; i < context; i++) {
                inputs[row * context + i] = data.train(offset + i);
                targets[row * context + i] = data.train(offset + i + 1);
            }
        }
        try (NDManager step = manager.newSubManager();
                ThreadGradientCollector collector = new ThreadGradientCollector()) {
            NDArray value = loss(model, parameters, true,
                    step.create(inputs, new Shape(batch, context)),
                    step.create(targets, new Shape(batch * (long) context)));
            collector.backward(value);
            for (Parameter parameter : trainable) {
                NDArray weight = parameter.getArray();
                try (NDArray gradient = weight.getGradient()) {
                    optimizer.update(parameter.getId(), weight, gradient);
                }
                ThreadGradientCollector.zeroGradient(weight);
            }
            return value.getFloat();
        }
    }

    private NDArray loss(CharTransformer model, ParameterStore parameters, boolean training,
            NDArray inputs, NDArray targets) {
        NDArray logits = model.forward(parameters, new NDList(inputs), training).head();
        NDArray flat = logits.reshape(-1, model.vocabulary());
        return loss.evaluate(new NDList(targets), new NDList(flat));
    }

    /**
     * Returns the model's mean cross-entropy per held-out token in nats, over consecutive
     * windows of the trainer's context (the last, shorter one included), with autograd off.
     */
    public double crossEntropy(CharTransformer model, NDManager manager, TokenSplit data) {
        boolean previous = DjlRuntime.setGradMode(false);
        try {
            ParameterStore parameters = new ParameterStore(manager, false);
            int predicted = data.heldOutLength() - 1;
            int context = settings.context();
            double sum = 0;
            for (int first = 0; first < predicted; first += SCORING_BATCH * context) {
                int length = Math.min(SCORING_BATCH * context, predicted - first);
                sum += scoreChunk(model, manager, parameters, data, first, length);
            }
            return sum / predicted;
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /** Returns the summed loss of predicting held-out tokens {@code first + 1 .. first + length}. */
    private double scoreChunk(CharTransformer model, NDManager manager,
            ParameterStore parameters, TokenSplit data, int first, int length) {
        int context = settings.context();
        int full = length / context;
        int rest = length % context;
        double sum = 0;
        try (NDManager chunk = manager.newSubManager()) {
            if (full > 0) {
                sum += windowsLoss(model, parameters, chunk, data, first, full, context)
                        * full * context;
            }
            if (rest > 0) {
                sum += windowsLoss(model, parameters, chunk, data, first + full * context, 1, rest)
                        * rest;
            }
        }
        return sum;
    }

    private double windowsLoss(CharTransformer model, ParameterStore parameters,
            NDManager manager, TokenSplit data, int first, int windows, int steps) {
        long[] inputs = new long[windows * steps];
        long[] targets = new long[windows * steps];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = data.heldOut(first + i);
            targets[i] = data.heldOut(first + i + 1);
        }
        return loss(model, parameters, false, manager.create(inputs, new Shape(windows, steps)),
                manager.create(targets, new Shape(inputs.length))).getFloat();
    }

    private static void checkStop(EvaluationContext context, String position) {
        if (context.shouldStop()) {
            throw new EvaluationInterruptedException("training of trial "
                    + context.trialNumber() + " stopped at " + position);
        }
    }
}
