package io.archforge.torch.predict;

import io.archforge.torch.train.ClosableAdam;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains one ensemble member: a fresh {@link GcnNetwork} fitted by Adam to the mean
 * squared error on standardised targets, with a cosine learning rate schedule that
 * falls to zero over the fixed number of epochs.
 *
 * <p>The generator fixes the initial weights and the batch order. Nothing draws from
 * the engine's process-wide generator (the network has no dropout), so training
 * replays exactly for the same generator state when it runs on one intra-op thread
 * (see {@link EngineScope}). Callers must switch autograd on for the calling thread.
 */
final class MemberTraining {

    private final GcnLayout layout;
    private final GcnPredictor.Settings settings;
    private final GraphBatch batch;
    private final float[] targets;

    /**
     * Creates the training of members for one training set.
     *
     * @param targets the standardised target of each architecture of {@code batch}
     */
    MemberTraining(GcnLayout layout, GcnPredictor.Settings settings, GraphBatch batch,
            float[] targets) {
        this.layout = layout;
        this.settings = settings;
        this.batch = batch;
        this.targets = targets.clone();
    }

    /**
     * Trains one member in a sub-manager of {@code parent} that is closed before
     * returning, and returns its parameters in DJL's parameter format.
     */
    byte[] train(NDManager parent, SplittableRandom random) {
        try (NDManager manager = parent.newSubManager()) {
            GcnNetwork network = new GcnNetwork(layout);
            network.setInitializer(new GlorotUniformInitializer(random), Parameter.Type.WEIGHT);
            network.initialize(manager, DataType.FLOAT32, network.inputShapes());
            List<Parameter> trainable = new ArrayList<>();
            for (Parameter parameter : network.getParameters().values()) {
                if (parameter.requiresGradient()) {
                    trainable.add(parameter);
                }
            }

            // Epochs over a fresh shuffle each, the last batch of an epoch possibly smaller
            int size = batch.size();
            int batchesPerEpoch = (size + settings.batchSize() - 1) / settings.batchSize();
            ParameterStore parameters = new ParameterStore(manager, false);
            int[] order = identity(size);
            try (ClosableAdam optimizer = optimizer(batchesPerEpoch * settings.epochs())) {
                for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                    shuffle(order, random);
                    for (int start = 0; start < size; start += settings.batchSize()) {
                        int end = Math.min(size, start + settings.batchSize());
                        int[] rows = Arrays.copyOfRange(order, start, end);
                        step(network, parameters, manager, rows, trainable, optimizer);
                    }
                }
            }
            return save(network);
        }
    }

    private void step(GcnNetwork network, ParameterStore parameters, NDManager manager,
            int[] rows, List<Parameter> trainable, Optimizer optimizer) {
        try (NDManager step = manager.newSubManager()) {
            NDList inputs = batch.arrays(step, rows);
            float[] batchTargets = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                batchTargets[i] = targets[rows[i]];
            }
            NDArray target = step.create(batchTargets);
            NDArray prediction = network.forward(parameters, inputs, true).singletonOrThrow();
            NDArray loss = prediction.sub(target).square().mean();
            try (NDArray ones = loss.onesLike()) {
                JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, false, false);
            }
            for (Parameter parameter : trainable) {
                NDArray weight = parameter.getArray();
                try (NDArray gradient = weight.getGradient()) {
                    optimizer.update(parameter.getId(), weight, gradient);
                }
                JniUtils.zeroGrad((PtNDArray) weight);
            }
        }
    }

    private ClosableAdam optimizer(int totalSteps) {
        Tracker schedule = Tracker.cosine()
                .setBaseValue((float) settings.learningRate())
                .optFinalValue(0f)
                .setMaxUpdates(totalSteps)
                .build();
        return new ClosableAdam(Adam.builder()
                .optLearningRateTracker(schedule)
                .optWeightDecays((float) settings.weightDecay()));
    }

    private static byte[] save(GcnNetwork network) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            network.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing GCN parameters to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static int[] identity(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
