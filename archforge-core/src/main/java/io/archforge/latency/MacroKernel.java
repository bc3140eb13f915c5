package io.archforge.latency;

import java.util.Locale;
import java.util.Objects;

/**
 * One kernel of a {@code macro} network at its input shape: the stem, one
 * inverted-bottleneck block or the classifier, as the network builder of the torch
 * module lays them out. Batch size is 1 and images are square.
 *
 * @param kind which part of the network
 * @param inputChannels channels entering the kernel
 * @param outputChannels channels leaving it; for the classifier, the class count
 * @param kernelSize the convolution kernel size; 3 for the stem, 0 for the classifier
 * @param expansion the inverted-bottleneck ratio of a block, 1 elsewhere
 * @param stride the convolution stride; 1 for the classifier
 * @param residual whether a block adds its input to its output
 * @param inputSize the height and width of the input, in pixels
 */
public record MacroKernel(Kind kind, int inputChannels, int outputChannels, int kernelSize,
        int expansion, int stride, boolean residual, int inputSize) {

    /** The parts of a macro network. */
    public enum Kind {
        /** A 3x3 convolution, batch norm and ReLU. */
        STEM,
        /** An inverted-bottleneck block of one stage. */
        BLOCK,
        /** Global average pooling, flattening and the linear layer to the logits. */
        CLASSIFIER
    }

    public MacroKernel {
        Objects.requireNonNull(kind, "kind");
        if (inputChannels < 1 || outputChannels < 1 || expansion < 1 || stride < 1
                || inputSize < 1 || kernelSize < 0) {
            throw new IllegalArgumentException("invalid " + kind + " kernel: channels "
                    + inputChannels + " -> " + outputChannels + ", kernel " + kernelSize
                    + ", expansion " + expansion + ", stride " + stride + ", input size "
                    + inputSize + "; all must be positive");
        }
    }

    /**
     * Returns the key of this kernel in a lookup table, such as
     * {@code block_c16-32_s14_k5_e4_st2}, with {@code _res} for a residual block.
     */
    public String key() {
        String shape = String.format(Locale.ROOT, "c%d-%d_s%d", inputChannels, outputChannels,
                inputSize);
        return switch (kind) {
            case STEM -> "stem_" + shape + "_k" + kernelSize + "_st" + stride;
            case BLOCK -> "block_" + shape + "_k" + kernelSize + "_e" + expansion + "_st" + stride
                    + (residual ? "_res" : "");
            case CLASSIFIER -> "classifier_" + shape;
        };
    }

    /** Returns the height and width of the output, in pixels. */
    public int outputSize() {
        if (kind == Kind.CLASSIFIER) {
            return 1;
        }
        // Padding is kernelSize / 2, so an odd kernel gives ceil(size / stride).
        return (inputSize + 2 * (kernelSize / 2) - kernelSize) / stride + 1;
    }
}
