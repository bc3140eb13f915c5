package io.archforge.torch.net;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import io.archforge.space.Architecture;
import io.archforge.space.MacroSpace;

/** Fixed networks used as baselines in throughput benchmarks and tests. */
public final class ReferenceNetworks {
    /**
     * A mid-sized {@code macro} architecture: a narrow first stage, then two residual
     * stages with expansion 2.
     */
    public static final String REFERENCE_MACRO = "s1.depth=1,s1.width=16,s1.kernel=3,"
            + "s1.expansion=1,s1.residual=off,s2.depth=2,s2.width=32,s2.kernel=3,"
            + "s2.expansion=2,s2.residual=on,s3.depth=2,s3.width=64,s3.kernel=3,"
            + "s3.expansion=2,s3.residual=on";

    private ReferenceNetworks() {
    }

    /** Returns {@link #REFERENCE_MACRO} as an architecture of the macro space. */
    public static Architecture referenceMacro() {
        return MacroSpace.create().parse(REFERENCE_MACRO);
    }

    /**
     * Builds a plain CNN with 93,962 parameters for one-channel input and 10 classes. It
     * has three 3x3 convolutions with bias and ReLU, of 32, 64 and 128 channels, the last
     * two with stride 2. Global average pooling and a linear layer follow.
     */
    public static SequentialBlock plainCnn(int classes) {
        SequentialBlock network = new SequentialBlock();
        int[] widths = {32, 64, 128};
        for (int i = 0; i < widths.length; i++) {
            int stride = i == 0 ? 1 : 2;
            network.add(Conv2d.builder()
                            .setFilters(widths[i])
                            .setKernelShape(new Shape(3, 3))
                            .optStride(new Shape(stride, stride))
                            .optPadding(new Shape(1, 1))
                            .build())
                    .add(Activation.reluBlock());
        }
        return network.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(classes).build());
    }
}
