package io.archforge.torch.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import io.archforge.space.Architecture;
import io.archforge.torch.train.DjlRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One optimizer step of a supernet on one batch. Each path gets a forward pass, the loss
 * and a backward pass that adds to the gradients. Then the gradients' global norm is
 * clipped if a maximum is set, and the parameters that the paths used are updated once.
 *
 * <p>Only parameters read by a forward pass of this step are updated. Plain SGD would
 * leave an unused parameter's zero gradient alone, but weight decay would still shrink it
 * and momentum would still move it, so operations off the paths must not be handed to the
 * optimizer at all.
 *
 * <p>Each path runs in its own sub-manager, closed after its backward pass, and every
 * gradient handle is closed after use, so repeated steps do not grow memory. Autograd is
 * switched on for the calling thread only while a path runs.
 */
final class SupernetStep {

    private final Supernet supernet;
    private final Optimizer optimizer;
    private final StageDistillation distillation;
    private final float maxGradientNorm;
    private final Loss crossEntropy = Loss.softmaxCrossEntropyLoss();

    /**
     * Creates a step.
     *
     * @param distillation the teacher that supervises each stage, or null for
     *     cross-entropy only; with a teacher the supernet must be a {@link StagedNetwork}
     * @param maxGradientNorm the global L2 norm the step's gradient is clipped to, or 0
     *     for no clipping
     */
    SupernetStep(Supernet supernet, Optimizer optimizer, StageDistillation distillation,
            float maxGradientNorm) {
        if (distillation != null && !(supernet instanceof StagedNetwork)) {
            throw new IllegalArgumentException("stage distillation needs a supernet whose"
                    + " stage outputs can be read, got " + supernet.getClass().getName());
        }
        this.supernet = supernet;
        this.optimizer = optimizer;
        this.distillation = distillation;
        this.maxGradientNorm = maxGradientNorm;
    }

    /**
     * Runs one step over {@code paths}, whose gradients add up before the update, and
     * returns the mean loss of the paths and their mean stage loss (0 without a teacher).
     *
     * @param batch creates the images [batch, channels, rows, cols] and the int64 labels
     *     [batch] in the manager it is given. It is called once per path, and once more
     *     for the teacher under distillation.
     */
    Losses run(List<Architecture> paths, Function<NDManager, NDList> batch) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a step needs at least one path");
        }
        Map<String, Parameter> used = new LinkedHashMap<>();
        double lossSum = 0;
        double stageLossSum = 0;
        supernet.select(paths.get(0));
        try (NDManager step = supernet.manager().newSubManager()) {
            // The teacher runs once per batch; each path then runs in its own scope.
            NDList teacherStages = distillation == null ? null
                    : distillation.teacherStages(batch.apply(step).get(0));
            for (Architecture path : paths) {
                supernet.select(path);
                RecordingParameterStore store =
                        new RecordingParameterStore(supernet.manager());
                try (NDManager scope = step.newSubManager()) {
                    Losses losses = backward(store, batch.apply(scope), teacherStages);
                    lossSum += losses.total();
                    stageLossSum += losses.stage();
                }
                for (Parameter parameter : store.used()) {
                    used.putIfAbsent(parameter.getId(), parameter);
                }
            }
        }
        update(used.values());
        return new Losses(lossSum / paths.size(), stageLossSum / paths.size());
    }

    /** Runs the forward and the backward pass of the selected path. */
    private Losses backward(ParameterStore store, NDList inputs, NDList teacherStages) {
        NDArray images = inputs.get(0);
        NDList labels = new NDList(inputs.get(1));
        boolean previous = DjlRuntime.setGradMode(true);
        try {
            NDArray loss;
            float stageLoss = 0;
            if (distillation == null) {
                NDArray logits = supernet.block().forward(store, new NDList(images), true)
                        .singletonOrThrow();
                loss = crossEntropy.evaluate(labels, new NDList(logits));
            } else {
                NDList outputs = ((StagedNetwork) supernet).forwardStages(store, images, true);
                NDArray stage = distillation.stageLoss(outputs, teacherStages);
                stageLoss = stage.getFloat();
                // A scalar array in libtorch memory, not mul(Number): autograd keeps the
                // factor for the backward pass, and DJL 0.36 frees a Number's buffer at once.
                NDArray weight = stage.getManager().full(new Shape(), distillation.weight(),
                        DataType.FLOAT32);
                loss = crossEntropy.evaluate(labels, new NDList(outputs.get(0)))
                        .add(stage.mul(weight));
            }
            try (NDArray ones = loss.onesLike()) {
                JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, false, false);
            }
            return new Losses(loss.getFloat(), stageLoss);
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /**
     * Updates the parameters that require a gradient, after scaling their gradients
     * together down to the maximum norm if they exceed it, and zeroes their gradients.
     */
    private void update(Iterable<Parameter> parameters) {
        try (NDManager scope = supernet.manager().newSubManager()) {
            List<Parameter> trainable = new ArrayList<>();
            List<NDArray> gradients = new ArrayList<>();
            for (Parameter parameter : parameters) {
                if (parameter.requiresGradient()) {
                    NDArray gradient = parameter.getArray().getGradient();
                    gradient.attach(scope);
                    trainable.add(parameter);
                    gradients.add(gradient);
                }
            }
            NDArray factor = clipFactor(gradients, scope);
            for (int k = 0; k < trainable.size(); k++) {
                NDArray weight = trainable.get(k).getArray();
                NDArray gradient = gradients.get(k);
                if (factor != null) {
                    gradient.muli(factor);
                }
                optimizer.update(trainable.get(k).getId(), weight, gradient);
                JniUtils.zeroGrad((PtNDArray) weight);
            }
        }
    }

    /**
     * Returns the factor that brings the gradients' global L2 norm down to the maximum,
     * or null when no clipping is set or the norm is within it.
     */
    private NDArray clipFactor(List<NDArray> gradients, NDManager scope) {
        if (maxGradientNorm <= 0 || gradients.isEmpty()) {
            return null;
        }
        NDArray squares = null;
        for (NDArray gradient : gradients) {
            NDArray sum = gradient.square().sum();
            squares = squares == null ? sum : squares.add(sum);
        }
        double norm = Math.sqrt(squares.getFloat());
        if (norm <= maxGradientNorm) {
            return null;
        }
        return scope.create((float) (maxGradientNorm / norm));
    }

    /**
     * The losses of a step.
     *
     * @param total the loss that was minimized: cross-entropy, plus the weighted stage
     *     loss under distillation
     * @param stage the unweighted stage loss, 0 without a teacher
     */
    record Losses(double total, double stage) {
    }
}
