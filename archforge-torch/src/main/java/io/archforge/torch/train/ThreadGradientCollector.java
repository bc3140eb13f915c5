package io.archforge.torch.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Records autograd on the calling thread only, so that several threads can train at
 * once. DJL's own gradient collector is one per JVM and fails when a second one opens.
 * Closing it restores the thread's previous grad mode.
 */
public final class ThreadGradientCollector implements AutoCloseable {
    private final boolean previousGradMode;

    /** Switches autograd on for the calling thread until {@link #close}. */
    public ThreadGradientCollector() {
        previousGradMode = DjlRuntime.setGradMode(true);
    }

    /** Computes the gradients of a scalar loss into the parameters' gradient buffers. */
    public void backward(NDArray loss) {
        if (!(loss instanceof PtNDArray target)) {
            throw new IllegalStateException("training needs the PyTorch engine, but the loss is a "
                    + loss.getClass().getName());
        }
        try (NDArray ones = loss.onesLike()) {
            JniUtils.backward(target, (PtNDArray) ones, false, false);
        }
    }

    /** Sets the gradient buffer of {@code parameter} to zero. */
    public static void zeroGradient(NDArray parameter) {
        JniUtils.zeroGrad((PtNDArray) parameter);
    }

    @Override
    public void close() {
        DjlRuntime.setGradMode(previousGradMode);
    }
}
