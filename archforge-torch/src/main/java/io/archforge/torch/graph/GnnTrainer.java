package io.archforge.torch.graph;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import io.archforge.eval.DivergenceMonitor;
import io.archforge.eval.TrainingDivergedException;
import io.archforge.space.Architecture;
import io.archforge.torch.train.ClosableAdam;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.ThreadGradientCollector;
import java.util.Arrays;
import java.util.Map;

/**
 * Trains a {@link GnnNetwork} full-batch on the labelled training nodes of a graph:
 * cross-entropy, Adam with coupled weight decay, one step per epoch. After each epoch
 * it measures the accuracy on the validation and test nodes without dropout. The
 * result reports the best validation accuracy and the test accuracy of that same
 * epoch's weights, the first such epoch on ties.
 *
 * <p>The seed fixes the initial weights and, through the engine's process-wide
 * generator, the dropout masks. PyTorch's intra-op thread count, also process-wide, is
 * set to the recipe's for the duration of {@link #train}. NOTE: two trainings that run at once in one JVM draw
 * dropout masks from that shared generator, so they do not replay exactly.
 */
public final class GnnTrainer {

    /** Receives the validation accuracy after each epoch; may stop training by throwing. */
    @FunctionalInterface
    public interface EpochListener {

        /** Handles the end of epoch {@code epoch} (from 1) with its validation accuracy. */
        void epochEnded(int epoch, double validAccuracy);
    }

    private final GraphTensors graph;
    private final GnnTrainingSettings settings;
    private final int[] labels;
    private final int[] validNodes;
    private final int[] testNodes;
    private final int[] trainNodes;

    /** Creates a trainer for one graph and recipe. */
    public GnnTrainer(GraphTensors graph, GnnTrainingSettings settings) {
        this.graph = graph;
        this.settings = settings;
        GraphData data = graph.graph();
        this.labels = data.labels();
        this.trainNodes = data.nodesOf(NodeSplit.TRAIN);
        this.validNodes = data.nodesOf(NodeSplit.VALID);
        this.testNodes = data.nodesOf(NodeSplit.TEST);
        if (trainNodes.length == 0 || validNodes.length == 0 || testNodes.length == 0) {
            throw new IllegalArgumentException(data.source() + " needs nodes in each of the"
                    + " splits train, val and test; it has " + trainNodes.length + ", "
                    + validNodes.length + " and " + testNodes.length);
        }
    }

    /**
     * Trains the network of {@code architecture} in a sub-manager of {@code manager} that
     * is closed before returning.
     *
     * @param listener called after each epoch
     * @throws TrainingDivergedException when the loss diverges (see {@link DivergenceMonitor})
     */
    public GnnTrainingResult train(Architecture architecture, NDManager manager, long seed,
            EpochListener listener) {
        int previousThreads = DjlRuntime.threads();
        DjlRuntime.setThreads(settings.threads());
        try {
            return trainWithThreads(architecture, manager, seed, listener);
        } finally {
            DjlRuntime.setThreads(previousThreads);
        }
    }

    private GnnTrainingResult trainWithThreads(Architecture architecture, NDManager manager,
            long seed, EpochListener listener) {
        long start = System.nanoTime();
        Engine.getInstance().setRandomSeed((int) seed);
        GraphData data = graph.graph();
        try (NDManager model = manager.newSubManager();
                ClosableAdam optimizer = optimizer()) {
            GnnNetwork network = GnnNetwork.create(architecture, model, seed, data.features(),
                    data.classes());
            NDArray trainIndex = model.create(Arrays.stream(trainNodes).asLongStream().toArray());
            NDArray targets = OwnedArrays.owned(oneHot(model, data.classes()));
            double bestValid = -1;
            double bestTest = 0;
            int bestEpoch = 0;
            double loss = Double.NaN;
            DivergenceMonitor divergence = new DivergenceMonitor();
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                // Full-batch training: each epoch is one batch.
                loss = divergence.check(step(network, model, trainIndex, targets, optimizer),
                        epoch, 1);
                int[] predicted = predict(network, model);
                double valid = accuracy(predicted, validNodes);
                if (valid > bestValid) {
                    bestValid = valid;
                    bestTest = accuracy(predicted, testNodes);
                    bestEpoch = epoch;
                }
                listener.epochEnded(epoch, valid);
            }
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            double latency = latencyMs(network, model);
            return new GnnTrainingResult(bestValid, bestTest, bestEpoch,
                    network.parameters().count(), latency, trainSeconds, loss);
        }
    }

    private ClosableAdam optimizer() {
        return new ClosableAdam(Adam.builder()
                .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
                .optWeightDecays((float) settings.weightDecay()));
    }

    /** Returns the one-hot labels of the training nodes [train, classes]. */
    private NDArray oneHot(NDManager manager, int classes) {
        float[] values = new float[trainNodes.length * classes];
        for (int i = 0; i < trainNodes.length; i++) {
            values[i * classes + labels[trainNodes[i]]] = 1f;
        }
        return manager.create(values, new Shape(trainNodes.length, classes));
    }

    /** Runs one training step and returns its loss. */
    private double step(GnnNetwork network, NDManager model, NDArray trainIndex,
            NDArray targets, ClosableAdam optimizer) {
        try (NDManager step = model.newSubManager()) {
            NDArray loss;
            try (ThreadGradientCollector collector = new ThreadGradientCollector()) {
                NDArray logits = network.forward(graph, step, true);
                NDArray logProbabilities = logits.get(new NDIndex("{}", trainIndex))
                        .logSoftmax(1);
                NDArray count = OwnedArrays.owned(step.create((float) trainNodes.length));
                loss = logProbabilities.mul(targets).sum().neg().div(count);
                collector.backward(loss);
            }
            for (Map.Entry<String, NDArray> parameter
                    : network.parameters().arrays().entrySet()) {
                NDArray weight = parameter.getValue();
                try (NDArray gradient = weight.getGradient()) {
                    optimizer.update(parameter.getKey(), weight, gradient);
                }
                ThreadGradientCollector.zeroGradient(weight);
            }
            return loss.getFloat();
        }
    }

    /** Returns the predicted class of every node, without dropout. */
    private int[] predict(GnnNetwork network, NDManager model) {
        boolean previous = DjlRuntime.setGradMode(false);
        try (NDManager step = model.newSubManager()) {
            long[] classes = network.forward(graph, step, false).argMax(1).toLongArray();
            return Arrays.stream(classes).mapToInt(Math::toIntExact).toArray();
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    private double accuracy(int[] predicted, int[] nodes) {
        int correct = 0;
        for (int node : nodes) {
            if (predicted[node] == labels[node]) {
                correct++;
            }
        }
        return 100.0 * correct / nodes.length;
    }

    /** Returns the median time of a full-graph forward pass, after two warm-up passes. */
    private double latencyMs(GnnNetwork network, NDManager model) {
        boolean previous = DjlRuntime.setGradMode(false);
        try {
            double[] times = new double[settings.latencyRuns()];
            for (int run = -2; run < times.length; run++) {
                try (NDManager step = model.newSubManager()) {
                    long start = System.nanoTime();
                    network.forward(graph, step, false).toFloatArray();
                    if (run >= 0) {
                        times[run] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
            Arrays.sort(times);
            return times[times.length / 2];
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }
}
