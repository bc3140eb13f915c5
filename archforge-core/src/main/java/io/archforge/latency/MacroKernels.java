package io.archforge.latency;

import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.MacroSpace;
import io.archforge.space.MacroSpace.StageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel layout of the {@code macro} space: the stem, every block of every stage and
 * the classifier, each at the input shape it receives. It follows the torch module's
 * {@code MacroNetworkBuilder}: the stem has the first stage's width, the first block of
 * stages 2 and 3 has stride 2, and a block is residual when its stage has the skip on
 * and its input and output shapes match.
 *
 * @param inputChannels channels of the input images
 * @param imageSize height and width of the input images, in pixels
 * @param stemStride the stem convolution's stride, 1 or 2
 * @param classes the number of logits
 */
public record MacroKernels(int inputChannels, int imageSize, int stemStride, int classes)
        implements KernelLayout {

    public MacroKernels {
        if (inputChannels < 1 || imageSize < 1 || classes < 2 || stemStride < 1
                || stemStride > 2) {
            throw new IllegalArgumentException("invalid macro network input: " + inputChannels
                    + " channels, size " + imageSize + ", stem stride " + stemStride + ", "
                    + classes + " classes; need positive sizes, stride 1 or 2, 2+ classes");
        }
    }

    /**
     * Returns the layout of the networks that real training on Fashion-MNIST builds: 28x28 grey
     * images, stem stride 2, 10 classes.
     */
    public static MacroKernels fashionMnist() {
        return new MacroKernels(1, 28, 2, 10);
    }

    @Override
    public ChoiceSpace space() {
        return MacroSpace.create();
    }

    /** Returns the kernels of the network of {@code architecture}, in network order. */
    public List<MacroKernel> macroKernels(Architecture architecture) {
        List<StageSpec> stages = MacroSpace.stages(architecture);
        List<MacroKernel> kernels = new ArrayList<>();
        int channels = stages.get(0).width();
        MacroKernel stem = new MacroKernel(MacroKernel.Kind.STEM, inputChannels, channels, 3, 1,
                stemStride, false, imageSize);
        kernels.add(stem);
        int size = stem.outputSize();
        for (int stage = 0; stage < stages.size(); stage++) {
            StageSpec spec = stages.get(stage);
            for (int block = 0; block < spec.depth(); block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                boolean residual = spec.residual() && stride == 1 && channels == spec.width();
                MacroKernel kernel = new MacroKernel(MacroKernel.Kind.BLOCK, channels,
                        spec.width(), spec.kernel(), spec.expansion(), stride, residual, size);
                kernels.add(kernel);
                channels = spec.width();
                size = kernel.outputSize();
            }
        }
        kernels.add(new MacroKernel(MacroKernel.Kind.CLASSIFIER, channels, classes, 0, 1, 1,
                false, size));
        return List.copyOf(kernels);
    }

    @Override
    public List<String> kernels(Architecture architecture) {
        return macroKernels(architecture).stream().map(MacroKernel::key).toList();
    }
}
