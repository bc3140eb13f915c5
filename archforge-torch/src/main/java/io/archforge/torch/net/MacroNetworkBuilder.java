package io.archforge.torch.net;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import io.archforge.space.Architecture;
import io.archforge.space.MacroSpace;
import io.archforge.space.MacroSpace.StageSpec;
import java.util.List;

/**
 * Builds an untrained DJL network for an architecture of the {@code macro} space.
 *
 * <p>The network is a stem, three stages and a classifier:
 * <ol>
 *   <li>stem: 3x3 convolution with the first stage's width and stride
 *       {@link #stemStride()}, batch norm, ReLU;</li>
 *   <li>each stage: {@code depth} inverted-bottleneck blocks of MobileNetV2 (Sandler et
 *       al., 2018), the first block of stages 2 and 3 with stride 2;</li>
 *   <li>global average pooling and one linear layer to the class logits, with a
 *       dropout layer before the linear layer when a dropout rate above 0 is given.</li>
 * </ol>
 * A block with expansion {@code e > 1} is a 1x1 convolution to {@code width * e}
 * channels, batch norm, ReLU, then a depthwise {@code kernel x kernel} convolution,
 * batch norm, ReLU, then a 1x1 projection to {@code width} channels and batch norm with
 * no ReLU (the linear bottleneck). With {@code e = 1} the expansion convolution is left
 * out. The kxk convolution is depthwise rather than full because that keeps FLOPs and
 * training time within a CPU budget. The 1x1 convolutions mix the channels. When
 * the stage has {@code residual} on, a block whose input and output shapes match (stride
 * 1, same channels) adds its input to its output. Convolutions before batch norm have no
 * bias.
 */
public final class MacroNetworkBuilder {
    private final int classes;
    private final int stemStride;

    /**
     * Creates a builder.
     *
     * @param classes the number of output logits
     * @param stemStride 1 to keep the input resolution in stage 1, 2 to halve it
     */
    public MacroNetworkBuilder(int classes, int stemStride) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got "
                    + classes);
        }
        if (stemStride < 1 || stemStride > 2) {
            throw new IllegalArgumentException("stem stride must be 1 or 2, got " + stemStride);
        }
        this.classes = classes;
        this.stemStride = stemStride;
    }

    public int classes() {
        return classes;
    }

    public int stemStride() {
        return stemStride;
    }

    /** Builds the network of a {@code macro} architecture. */
    public SequentialBlock build(Architecture architecture) {
        return build(MacroSpace.stages(architecture));
    }

    /** Builds the network of these stages, first stage first, without dropout. */
    public SequentialBlock build(List<StageSpec> stages) {
        return build(stages, 0f);
    }

    /**
     * Builds the network of these stages, first stage first, with dropout of rate
     * {@code dropout} before the linear layer; 0 adds no dropout layer.
     */
    public SequentialBlock build(List<StageSpec> stages, float dropout) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a macro network needs at least one stage");
        }
        SequentialBlock network = new SequentialBlock();

        // Stem
        int channels = stages.get(0).width();
        network.add(stem(channels));

        // Stages
        for (int stage = 0; stage < stages.size(); stage++) {
            StageSpec spec = stages.get(stage);
            for (int block = 0; block < spec.depth(); block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                network.add(block(spec, channels, stride));
                channels = spec.width();
            }
        }

        // Classifier
        network.add(classifier(dropout));
        return network;
    }

    /** Builds the stem: a 3x3 convolution to {@code channels}, batch norm and ReLU. */
    public SequentialBlock stem(int channels) {
        SequentialBlock stem = new SequentialBlock();
        stem.add(convolution(channels, 3, stemStride, 1))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
        return stem;
    }

    /** Builds the classifier: global average pooling, flattening and the linear layer. */
    public SequentialBlock classifier() {
        return classifier(0f);
    }

    /**
     * Builds the classifier with dropout of rate {@code dropout} before the linear layer.
     * Dropout acts in training only, and a rate of 0 adds no layer.
     *
     * @throws IllegalArgumentException when the rate is not in [0, 1)
     */
    public SequentialBlock classifier(float dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + dropout);
        }
        SequentialBlock classifier = new SequentialBlock();
        classifier.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock());
        if (dropout > 0) {
            classifier.add(Dropout.builder().optRate(dropout).build());
        }
        classifier.add(Linear.builder().setUnits(classes).build());
        return classifier;
    }

    /**
     * Builds one inverted-bottleneck block of {@code spec} that reads
     * {@code inputChannels} channels, residual when the stage has the skip on and the
     * shapes match.
     */
    public static Block block(StageSpec spec, int inputChannels, int stride) {
        int hidden = spec.expansion() > 1 ? spec.width() * spec.expansion() : inputChannels;
        SequentialBlock body = new SequentialBlock();
        if (spec.expansion() > 1) {
            body.add(convolution(hidden, 1, 1, 1))
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock());
        }
        body.add(convolution(hidden, spec.kernel(), stride, hidden))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(convolution(spec.width(), 1, 1, 1))
                .add(BatchNorm.builder().build());
        boolean shapesMatch = stride == 1 && inputChannels == spec.width();
        return spec.residual() && shapesMatch ? residual(body) : body;
    }

    private static Block residual(Block body) {
        return new ParallelBlock(
                outputs -> new NDList(outputs.get(0).singletonOrThrow()
                        .add(outputs.get(1).singletonOrThrow())),
                List.of(body, new LambdaBlock(input -> input, "identity")));
    }

    private static Conv2d convolution(int filters, int kernel, int stride, int groups) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optGroups(groups)
                .optBias(false)
                .build();
    }
}
