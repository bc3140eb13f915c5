package io.archforge.torch.online;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.tracker.Tracker;
import io.archforge.space.Architecture;
import io.archforge.space.ForecastingSpace;
import io.archforge.torch.train.ClosableAdamW;
import io.archforge.torch.train.ThreadGradientCollector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One network of a stream learner: an architecture of the forecasting space, its
 * weights in a manager of its own, an AdamW optimizer with the architecture's learning
 * rate and weight decay, and its recent window errors. Training takes one step on a
 * batch drawn from the recent windows; the loss is the mean squared error.
 *
 * <p>A member whose loss or forecast turns non-finite is marked diverged: its recent
 * error becomes infinite so that it loses every comparison, and it stops training.
 */
final class StreamMember implements AutoCloseable {

    private final long id;
    private final Architecture architecture;
    private final Block block;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final ClosableAdamW optimizer;
    private final List<Parameter> trainable = new ArrayList<>();
    private final int batchSize;
    private final StreamData data;
    private final ArrayDeque<Double> recent = new ArrayDeque<>();
    private final int recentWindows;
    private final int bornRow;
    private long steps;
    private long judged;
    private boolean diverged;

    private StreamMember(long id, Architecture architecture, Block block, NDManager manager,
            StreamData data, int recentWindows, int bornRow) {
        this.id = id;
        this.architecture = architecture;
        this.block = block;
        this.manager = manager;
        this.data = data;
        this.recentWindows = recentWindows;
        this.bornRow = bornRow;
        this.parameters = new ParameterStore(manager, false);
        ForecastingSpace.Design design = ForecastingSpace.design(architecture);
        this.batchSize = design.batchSize();
        this.optimizer = new ClosableAdamW(AdamW.builder()
                .optLearningRateTracker(Tracker.fixed((float) design.learningRate()))
                .optWeightDecays((float) design.weightDecay()));
        for (Parameter parameter : block.getParameters().values()) {
            if (parameter.requiresGradient()) {
                trainable.add(parameter);
            }
        }
    }

    /**
     * Builds and initialises the network of {@code architecture} in a sub-manager of
     * {@code parent}.
     *
     * @param recentWindows the number of latest window errors the member keeps
     * @param bornRow the stream row at which the member joins
     */
    static StreamMember create(long id, Architecture architecture, NetworkFactory networks,
            StreamData data, NDManager parent, int recentWindows, int bornRow) {
        NDManager manager = parent.newSubManager();
        try {
            Block block = networks.build(architecture, data.lookback(), data.horizon());
            block.initialize(manager, DataType.FLOAT32, new Shape(1, data.lookback()));
            return new StreamMember(id, architecture, block, manager, data, recentWindows,
                    bornRow);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Copies the weights this member shares with {@code parent}; see {@link WeightInheritance}. */
    WeightInheritance.Inheritance inheritFrom(StreamMember parent) {
        return WeightInheritance.inherit(parent.block, block);
    }

    /**
     * Returns the forecasts of the windows at {@code origins}, {@code horizon} values per
     * window one after the other, computed in inference mode.
     */
    float[] forecast(int[] origins) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray inputs = data.inputs(scope, origins);
            NDArray output = block.forward(parameters, new NDList(inputs), false)
                    .singletonOrThrow();
            float[] values = output.toFloatArray();
            for (float value : values) {
                if (!Float.isFinite(value)) {
                    diverged = true;
                    break;
                }
            }
            return values;
        }
    }

    /**
     * Takes one optimizer step on a batch of the architecture's batch size: the newest
     * {@code newest} windows of the origins {@code [poolStart, poolEnd)}, and the rest
     * drawn uniformly from that range.
     */
    void train(int poolStart, int poolEnd, int newest, SplittableRandom random) {
        if (diverged || poolEnd <= poolStart) {
            return;
        }
        int[] batch = batch(poolStart, poolEnd, newest, random);
        try (NDManager step = manager.newSubManager();
                ThreadGradientCollector collector = new ThreadGradientCollector()) {
            NDArray inputs = data.inputs(step, batch);
            NDArray targets = data.targets(step, batch);
            NDArray output = block.forward(parameters, new NDList(inputs), true)
                    .singletonOrThrow();
            NDArray loss = output.sub(targets).square().mean();
            if (!Float.isFinite(loss.getFloat())) {
                diverged = true;
                return;
            }
            collector.backward(loss);
            for (Parameter parameter : trainable) {
                NDArray weight = parameter.getArray();
                try (NDArray gradient = weight.getGradient()) {
                    optimizer.update(parameter.getId(), weight, gradient);
                }
                ThreadGradientCollector.zeroGradient(weight);
            }
        }
        steps++;
    }

    private int[] batch(int poolStart, int poolEnd, int newest, SplittableRandom random) {
        int size = Math.min(batchSize, poolEnd - poolStart);
        int[] batch = new int[size];
        int fixed = Math.min(newest, size);
        for (int i = 0; i < fixed; i++) {
            batch[i] = poolEnd - 1 - i;
        }
        for (int i = fixed; i < size; i++) {
            batch[i] = random.nextInt(poolStart, poolEnd);
        }
        return batch;
    }

    /** Records the error of one window whose forecast rows have all arrived. */
    void record(double error) {
        recent.addLast(error);
        judged++;
        if (recent.size() > recentWindows) {
            recent.pollFirst();
        }
    }

    /** Returns the mean of the recent window errors, infinite when diverged. */
    double recentError() {
        if (diverged) {
            return Double.POSITIVE_INFINITY;
        }
        return recent.stream().mapToDouble(Double::doubleValue).average()
                .orElse(Double.POSITIVE_INFINITY);
    }

    /** Returns whether the member has a full set of recent window errors. */
    boolean mature() {
        return diverged || recent.size() >= recentWindows;
    }

    long id() {
        return id;
    }

    Architecture architecture() {
        return architecture;
    }

    Block block() {
        return block;
    }

    boolean diverged() {
        return diverged;
    }

    long steps() {
        return steps;
    }

    long judged() {
        return judged;
    }

    int bornRow() {
        return bornRow;
    }

    @Override
    public void close() {
        optimizer.close();
        manager.close();
    }
}
