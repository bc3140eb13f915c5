package io.archforge.torch.predict;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.archforge.predictor.Prediction;
import io.archforge.torch.train.DjlRuntime;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fitted ensemble of {@link GcnNetwork}s whose members differ only in their initial
 * weights and batch order. The prediction is the members' mean, and its uncertainty
 * the sample standard deviation across members, as in the BANANAS ensemble of White,
 * Neiswanger and Savani, "BANANAS: Bayesian Optimization with Neural Architectures for
 * Neural Architecture Search" (AAAI 2021).
 *
 * <p>The members' parameters are kept as bytes on the Java heap, so a fitted ensemble
 * keeps no native memory: every {@link #predict} call loads them into a manager that it
 * closes before returning. Immutable.
 */
final class GcnEnsemble {

    /** The smallest standard deviation returned, as a fraction of the targets' scale. */
    static final double MIN_RELATIVE_STD = 1e-6;

    /** Architectures per forward pass when predicting. */
    private static final int PREDICT_BATCH = 1024;

    private final GcnLayout layout;
    private final List<byte[]> members;
    private final double targetMean;
    private final double targetScale;

    private GcnEnsemble(GcnLayout layout, List<byte[]> members, double targetMean,
            double targetScale) {
        this.layout = layout;
        this.members = List.copyOf(members);
        this.targetMean = targetMean;
        this.targetScale = targetScale;
    }

    /**
     * Trains {@code settings.members()} networks on standardised targets, each from its
     * own generator split off one seeded with {@code seed}.
     */
    @SuppressWarnings("try") // the scope only sets and restores engine state
    static GcnEnsemble train(GraphBatch batch, double[] targets, GcnPredictor.Settings settings,
            long seed) {
        double mean = 0;
        for (double target : targets) {
            mean += target;
        }
        mean /= targets.length;
        double squares = 0;
        for (double target : targets) {
            squares += (target - mean) * (target - mean);
        }
        double std = Math.sqrt(squares / targets.length);
        double scale = std > 0 ? std : 1;
        float[] standardised = new float[targets.length];
        for (int i = 0; i < targets.length; i++) {
            standardised[i] = (float) ((targets[i] - mean) / scale);
        }

        GcnLayout layout = GcnLayout.of(batch, settings);
        MemberTraining training = new MemberTraining(layout, settings, batch, standardised);
        SplittableRandom root = new SplittableRandom(seed);
        List<byte[]> members = new ArrayList<>();
        try (EngineScope scope = EngineScope.training();
                NDManager manager = DjlRuntime.engine().newBaseManager()) {
            for (int m = 0; m < settings.members(); m++) {
                members.add(training.train(manager, root.split()));
            }
        }
        return new GcnEnsemble(layout, members, mean, scale);
    }

    /** Predicts every architecture of {@code batch}, in order. */
    @SuppressWarnings("try") // the scope only sets and restores engine state
    List<Prediction> predict(GraphBatch batch) {
        float[][] outputs = new float[members.size()][];
        try (EngineScope scope = EngineScope.inference();
                NDManager manager = DjlRuntime.engine().newBaseManager()) {
            for (int m = 0; m < members.size(); m++) {
                outputs[m] = memberOutputs(manager, members.get(m), batch);
            }
        }
        List<Prediction> predictions = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            predictions.add(combine(outputs, i));
        }
        return predictions;
    }

    private float[] memberOutputs(NDManager parent, byte[] parameters, GraphBatch batch) {
        float[] outputs = new float[batch.size()];
        try (NDManager manager = parent.newSubManager()) {
            GcnNetwork network = new GcnNetwork(layout);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
                network.loadParameters(manager, in);
            } catch (IOException | MalformedModelException e) {
                throw new IllegalStateException("GCN parameters written by this ensemble "
                        + "could not be read back", e);
            }
            ParameterStore store = new ParameterStore(manager, false);
            for (int start = 0; start < batch.size(); start += PREDICT_BATCH) {
                int end = Math.min(batch.size(), start + PREDICT_BATCH);
                try (NDManager step = manager.newSubManager()) {
                    NDList inputs = batch.arrays(step, start, end);
                    float[] values = network.forward(store, inputs, false).singletonOrThrow()
                            .toFloatArray();
                    System.arraycopy(values, 0, outputs, start, values.length);
                }
            }
        }
        return outputs;
    }

    private Prediction combine(float[][] outputs, int index) {
        double mean = 0;
        for (float[] member : outputs) {
            mean += member[index];
        }
        mean /= outputs.length;
        double squares = 0;
        for (float[] member : outputs) {
            squares += (member[index] - mean) * (member[index] - mean);
        }
        double std = Math.sqrt(squares / (outputs.length - 1));
        return new Prediction(targetMean + targetScale * mean,
                targetScale * Math.max(std, MIN_RELATIVE_STD));
    }
}
