package io.archforge.torch.forecast;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.eval.DivergenceMonitor;
import io.archforge.eval.TrainingDivergedException;
import io.archforge.eval.TrialPrunedException;
import io.archforge.eval.CostMetrics;
import io.archforge.torch.forecast.ChronologicalSplit.Part;
import io.archforge.torch.train.ClosableAdamW;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.ThreadGradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a forecasting network on mean squared error with a {@link ForecastRecipe}, and
 * keeps the weights of the epoch with the lowest validation MSE.
 *
 * <p>To keep a trial short, an epoch uses every {@code stride}-th training window, where
 * the stride is the smallest that leaves at most {@code maxWindows} of them. Epoch {@code
 * e} starts at window {@code (e - 1) mod stride}, so successive epochs see different
 * windows. Each epoch shuffles its windows with a generator seeded from the trial seed,
 * so two runs with the same seed and thread count see the same batches. The learning
 * rate falls along a cosine to zero one step after the last, so every step updates. The validation after each
 * epoch, which picks the best epoch, scores every {@value #VALIDATION_STRIDE}th validation
 * window, so it costs a quarter of a full pass.
 */
public final class ForecastTrainer {

    /** The stride of the validation windows scored after each epoch. */
    public static final int VALIDATION_STRIDE = 4;

    private static final Logger LOG = LoggerFactory.getLogger(ForecastTrainer.class);

    private final ForecastRecipe recipe;
    private final int maxWindows;

    /**
     * Creates a trainer.
     *
     * @param maxWindows the maximum training windows per epoch
     */
    public ForecastTrainer(ForecastRecipe recipe, int maxWindows) {
        if (maxWindows < 1) {
            throw new IllegalArgumentException("training windows per epoch must be positive,"
                    + " got " + maxWindows);
        }
        this.recipe = recipe;
        this.maxWindows = maxWindows;
    }

    /** Returns the stride that leaves at most {@code maxWindows} of {@code data}'s. */
    public static int stride(ForecastData data, int maxWindows) {
        int all = data.windows(Part.TRAIN, 1).size();
        return (all + maxWindows - 1) / maxWindows;
    }

    /**
     * Trains an initialized network, scores it on every {@value #VALIDATION_STRIDE}th
     * validation window after each epoch and reports that MSE as {@code mse} to the
     * context, then restores the weights of the best epoch.
     *
     * @param manager the manager that owns the network's parameters
     * @throws TrialPrunedException when {@code context.shouldPrune()} turns true after an
     *     epoch's report
     * @throws EvaluationInterruptedException when {@code context.shouldStop()} turns true
     * @throws TrainingDivergedException when the loss diverges (see {@link DivergenceMonitor})
     */
    public ForecastFit fit(Block network, NDManager manager, ForecastData data, long seed,
            EvaluationContext context) {
        ForecastWindows train = data.windows(Part.TRAIN, 1);
        ForecastWindows validation = data.windows(Part.VALIDATION, VALIDATION_STRIDE);
        int stride = stride(data, maxWindows);
        int batch = Math.min(recipe.batchSize(), train.size() / stride);
        int steps = (train.size() / stride) / batch;
        Tracker schedule = Tracker.cosine().setBaseValue((float) recipe.learningRate())
                .optFinalValue(0f).setMaxUpdates(steps * recipe.epochs() + 1).build();
        try (ClosableAdamW optimizer = new ClosableAdamW(Optimizer.adamW()
                .optLearningRateTracker(schedule)
                .optWeightDecays((float) recipe.weightDecay()));
                BestWeights best = new BestWeights(network)) {
            return train(network, manager, data, new Epochs(train, stride, batch), validation,
                    optimizer, best, seed, context);
        }
    }

    private ForecastFit train(Block network, NDManager manager, ForecastData data,
            Epochs epochs, ForecastWindows validation, Optimizer optimizer, BestWeights best,
            long seed, EvaluationContext context) {
        ParameterStore parameters = new ParameterStore(manager, false);
        List<Parameter> trainable = trainable(network);
        Random random = new Random(seed);
        int batch = epochs.batch();
        int[] order = new int[0];
        List<Double> validationMse = new ArrayList<>();
        // The learning rate is a gene of the architecture, so no option can lower it.
        DivergenceMonitor divergence = new DivergenceMonitor("the architecture's learning "
                + "rate " + recipe.learningRate() + " is too high for this series");
        double loss = 0;
        long nanos = 0;
        for (int epoch = 1; epoch <= recipe.epochs(); epoch++) {
            // One pass over this epoch's windows in a fresh shuffle
            order = epochs.order(epoch);
            shuffle(order, random);
            int size = Math.min(batch, order.length);
            int steps = order.length / size;
            loss = 0;
            long start = System.nanoTime();
            for (int step = 0; step < steps; step++) {
                checkStop(context, "epoch " + epoch + ", step " + step);
                double batchLoss = step(network, manager, parameters, optimizer, trainable,
                        epochs.windows(), order, step * size, size);
                loss += divergence.check(batchLoss, epoch, step + 1);
            }
            nanos += System.nanoTime() - start;
            loss /= steps;

            // Score on the validation windows and keep the best weights
            double mse = ForecastErrors.measure(network, manager, validation,
                    data.naiveScale()).mse();
            validationMse.add(mse);
            best.offer(epoch, mse);
            context.report(epoch, "mse", mse);
            LOG.debug("Trial {} epoch {}: training loss {}, validation MSE {}",
                    context.trialNumber(), epoch, loss, mse);
            if (context.shouldPrune()) {
                Map<String, Double> partial = new LinkedHashMap<>();
                partial.put("mse", best.mse());
                partial.put(CostMetrics.TRAINING_EPOCHS, (double) epoch);
                throw new TrialPrunedException(epoch, partial);
            }
        }
        best.restore();
        return new ForecastFit(validationMse, best.epoch(), nanos / 1e9, loss, order.length);
    }

    /**
     * The training windows and the share of them each epoch uses.
     *
     * @param windows all training windows
     * @param stride the distance between the windows of one epoch
     * @param batch the windows per step
     */
    private record Epochs(ForecastWindows windows, int stride, int batch) {

        /** Returns the indices of the windows of epoch {@code epoch}, from 1, in order. */
        int[] order(int epoch) {
            int offset = (epoch - 1) % stride;
            int[] order = new int[(windows.size() - offset + stride - 1) / stride];
            for (int i = 0; i < order.length; i++) {
                order[i] = offset + i * stride;
            }
            return order;
        }
    }

    private static List<Parameter> trainable(Block network) {
        List<Parameter> trainable = new ArrayList<>();
        for (Parameter parameter : network.getParameters().values()) {
            if (parameter.requiresGradient()) {
                trainable.add(parameter);
            }
        }
        return trainable;
    }

    /** Runs one optimizer step on the windows {@code order[offset..offset+count)}. */
    private static double step(Block network, NDManager manager, ParameterStore parameters,
            Optimizer optimizer, List<Parameter> trainable, ForecastWindows train, int[] order,
            int offset, int count) {
        try (NDManager step = manager.newSubManager();
                ThreadGradientCollector collector = new ThreadGradientCollector()) {
            NDArray inputs = train.inputs(step, order, offset, count);
            NDArray targets = train.targets(step, order, offset, count);
            NDArray forecast = network.forward(parameters, new NDList(inputs), true)
                    .singletonOrThrow();
            NDArray loss = forecast.sub(targets).square().mean();
            collector.backward(loss);
            for (Parameter parameter : trainable) {
                NDArray weight = parameter.getArray();
                try (NDArray gradient = weight.getGradient()) {
                    optimizer.update(parameter.getId(), weight, gradient);
                }
                ThreadGradientCollector.zeroGradient(weight);
            }
            return loss.getFloat();
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static void checkStop(EvaluationContext context, String position) {
        if (context.shouldStop()) {
            throw new EvaluationInterruptedException("training of trial "
                    + context.trialNumber() + " stopped at " + position);
        }
    }

    /** Copies of the parameters at the epoch with the lowest validation MSE so far. */
    private static final class BestWeights implements AutoCloseable {
        private final Block network;
        private final List<NDArray> copies = new ArrayList<>();
        private int epoch;
        private double mse = Double.POSITIVE_INFINITY;

        BestWeights(Block network) {
            this.network = network;
        }

        /** Keeps a copy of the weights when {@code epochMse} is the lowest so far. */
        void offer(int epochNumber, double epochMse) {
            if (epoch > 0 && !(epochMse < mse)) {
                return;
            }
            boolean previous = DjlRuntime.setGradMode(false);
            try {
                close();
                for (Parameter parameter : network.getParameters().values()) {
                    copies.add(parameter.getArray().duplicate());
                }
            } finally {
                DjlRuntime.setGradMode(previous);
            }
            epoch = epochNumber;
            mse = epochMse;
        }

        /** Writes the kept copies back into the parameters. */
        void restore() {
            boolean previous = DjlRuntime.setGradMode(false);
            try {
                int index = 0;
                for (Parameter parameter : network.getParameters().values()) {
                    copies.get(index++).copyTo(parameter.getArray());
                }
            } finally {
                DjlRuntime.setGradMode(previous);
            }
        }

        int epoch() {
            return epoch;
        }

        double mse() {
            return mse;
        }

        @Override
        public void close() {
            copies.forEach(NDArray::close);
            copies.clear();
        }
    }
}
