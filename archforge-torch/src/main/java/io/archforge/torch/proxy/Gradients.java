package io.archforge.torch.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** Gradient-buffer operations the DJL API does not offer. */
final class Gradients {

    private Gradients() {
    }

    /** Sets the gradient buffer of a leaf array to zero. */
    static void zero(NDArray leaf) {
        JniUtils.zeroGrad((PtNDArray) leaf);
    }
}
