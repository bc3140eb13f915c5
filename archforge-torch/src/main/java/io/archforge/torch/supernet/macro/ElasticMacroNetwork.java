package io.archforge.torch.supernet.macro;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.archforge.space.MacroSpace.StageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The weight-sharing network of the macro space: the layout of {@code
 * MacroNetworkBuilder}, built once in its largest form, whose forward pass runs the
 * sub-network of the stages set by {@link #activate}.
 *
 * <p>The stem is a 3x3 convolution to the first stage's width, batch norm and ReLU. Stage
 * {@code s} holds as many {@link ElasticBottleneck}s as its largest depth and runs the
 * first {@code depth} of them; the first block of stages 2 and 3 has stride 2. Global
 * average pooling and an {@link ElasticLinear} classifier follow.
 */
final class ElasticMacroNetwork extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final int STEM_KERNEL = 3;

    private final int inputChannels;
    private final List<StageSpec> largest;
    private final ElasticConvolution stem;
    private final ElasticBatchNorm stemNorm;
    private final List<List<ElasticBottleneck>> stages;
    private final ElasticLinear classifier;

    private List<StageSpec> active;

    /**
     * Creates the network in its largest form.
     *
     * @param inputChannels the channels of the input images
     * @param classes the number of output logits
     * @param stemStride the stride of the stem convolution
     * @param largest the largest form of each stage, first stage first
     */
    ElasticMacroNetwork(int inputChannels, int classes, int stemStride,
            List<StageSpec> largest) {
        super(VERSION);
        this.inputChannels = inputChannels;
        this.largest = List.copyOf(largest);
        int firstWidth = largest.get(0).width();
        this.stem = addChildBlock("stem",
                ElasticConvolution.full(inputChannels, firstWidth, STEM_KERNEL, stemStride));
        this.stemNorm = addChildBlock("stemNorm", new ElasticBatchNorm(firstWidth));
        this.stages = new ArrayList<>();
        int channels = firstWidth;
        for (int stage = 0; stage < largest.size(); stage++) {
            StageSpec spec = largest.get(stage);
            List<ElasticBottleneck> blocks = new ArrayList<>();
            for (int block = 0; block < spec.depth(); block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                String name = "s" + (stage + 1) + "b" + (block + 1);
                blocks.add(addChildBlock(name, new ElasticBottleneck(channels, spec.width(),
                        spec.expansion(), spec.kernel(), stride)));
                channels = spec.width();
            }
            stages.add(List.copyOf(blocks));
        }
        this.classifier = addChildBlock("classifier", new ElasticLinear(channels, classes));
        activate(largest);
    }

    /**
     * Routes the following forward passes through the sub-network of {@code specs}.
     *
     * @throws IllegalArgumentException when the stage count differs or a stage exceeds
     *     its largest form
     */
    void activate(List<StageSpec> specs) {
        if (specs.size() != largest.size()) {
            throw new IllegalArgumentException("expected " + largest.size() + " stages, got "
                    + specs.size());
        }
        int channels = specs.get(0).width();
        stem.activate(inputChannels, channels, STEM_KERNEL);
        stemNorm.activate(channels);
        for (int stage = 0; stage < specs.size(); stage++) {
            StageSpec spec = specs.get(stage);
            if (spec.depth() > largest.get(stage).depth()) {
                throw new IllegalArgumentException("stage " + (stage + 1) + " has depth "
                        + spec.depth() + ", more than the largest " + largest.get(stage).depth());
            }
            for (int block = 0; block < spec.depth(); block++) {
                stages.get(stage).get(block).activate(spec, channels);
                channels = spec.width();
            }
        }
        classifier.activate(channels);
        this.active = List.copyOf(specs);
    }

    /** Returns every batch norm layer of the network, run or not. */
    List<ElasticBatchNorm> batchNorms() {
        List<ElasticBatchNorm> norms = new ArrayList<>();
        collectBatchNorms(this, norms);
        return norms;
    }

    private static void collectBatchNorms(Block block, List<ElasticBatchNorm> norms) {
        for (Block child : block.getChildren().values()) {
            if (child instanceof ElasticBatchNorm norm) {
                norms.add(norm);
            } else {
                collectBatchNorms(child, norms);
            }
        }
    }

    /** Returns the used parameter slices, in the order of the forward pass. */
    List<ParameterSlice> activeSlices() {
        List<ParameterSlice> slices = new ArrayList<>(stem.activeSlices());
        slices.addAll(stemNorm.activeSlices());
        for (int stage = 0; stage < active.size(); stage++) {
            for (int block = 0; block < active.get(stage).depth(); block++) {
                slices.addAll(stages.get(stage).get(block).activeSlices());
            }
        }
        slices.addAll(classifier.activeSlices());
        return slices;
    }

    /** Returns the number of trainable values the active sub-network uses. */
    long activeParameters() {
        long count = stem.activeParameters() + stemNorm.activeParameters()
                + classifier.activeParameters();
        for (int stage = 0; stage < active.size(); stage++) {
            for (int block = 0; block < active.get(stage).depth(); block++) {
                count += stages.get(stage).get(block).activeParameters();
            }
        }
        return count;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        // Stem
        NDList current = stem.forward(parameterStore, inputs, training, params);
        current = stemNorm.forward(parameterStore, current, training, params);
        current = new NDList(Activation.relu(current.singletonOrThrow()));

        // The first depth blocks of each stage
        for (int stage = 0; stage < active.size(); stage++) {
            for (int block = 0; block < active.get(stage).depth(); block++) {
                current = stages.get(stage).get(block)
                        .forward(parameterStore, current, training, params);
            }
        }

        // Global average pooling and the classifier
        NDArray features = current.singletonOrThrow();
        NDArray pooled = Pool.globalAvgPool2d(features)
                .reshape(features.getShape().get(0), features.getShape().get(1));
        return classifier.forward(parameterStore, new NDList(pooled), training, params);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape shape = inputShapes[0];
        for (Block child : getChildren().values()) {
            if (child == classifier) {
                shape = new Shape(shape.get(0), shape.get(1));
            }
            child.initialize(manager, dataType, shape);
            shape = child.getOutputShapes(new Shape[] {shape})[0];
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape shape = stem.getOutputShapes(inputShapes)[0];
        for (int stage = 0; stage < active.size(); stage++) {
            for (int block = 0; block < active.get(stage).depth(); block++) {
                shape = stages.get(stage).get(block).getOutputShapes(new Shape[] {shape})[0];
            }
        }
        return classifier.getOutputShapes(new Shape[] {new Shape(shape.get(0), shape.get(1))});
    }
}
