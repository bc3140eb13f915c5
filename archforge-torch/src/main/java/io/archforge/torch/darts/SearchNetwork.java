package io.archforge.torch.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.archforge.space.CellSpace;
import io.archforge.torch.nb201.Nb201NetworkBuilder;
import io.archforge.torch.nb201.Nb201Skeleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The continuous relaxation of a NAS-Bench-201 network for differentiable search: the
 * skeleton's stem, reductions and head around cells whose edges contain every operation,
 * and one matrix of architecture logits ({@value #ALPHA}, edges x operations) that all
 * cells share, as the benchmark repeats one cell.
 *
 * <p>The logits start from a normal distribution with standard deviation 0.001, as in
 * DARTS (Liu et al., ICLR 2019), and are the only parameter of type {@code OTHER}, so
 * {@link #architectureParameters()} and {@link #weightParameters()} split the two groups
 * that the two optimizers update.
 */
public final class SearchNetwork extends AbstractBlock {

    /** The name of the architecture logits. */
    public static final String ALPHA = "alpha";

    private static final byte VERSION = 1;

    private final CellSpace space;
    private final Block stem;
    private final List<Block> body = new ArrayList<>();
    private final Block head;
    private final Parameter alpha;

    /**
     * Builds the network.
     *
     * @param builder the builder of the skeleton's stem, reductions, operations and head
     * @param partialChannels 1 for full edges, or k to pass 1/k of the channels through
     *     the operations. It must divide the first stage's channels.
     */
    public SearchNetwork(Nb201NetworkBuilder builder, int partialChannels) {
        super(VERSION);
        this.space = CellSpace.nb201();
        Nb201Skeleton skeleton = builder.skeleton();
        if (partialChannels < 1 || skeleton.channels() % partialChannels != 0) {
            throw new IllegalArgumentException("invalid partial channels " + partialChannels
                    + ": it must be at least 1 and divide the skeleton's " + skeleton.channels()
                    + " channels");
        }
        this.stem = addChildBlock("stem", builder.stem());
        int index = 0;
        for (int stage = 0; stage < Nb201Skeleton.STAGES; stage++) {
            int channels = skeleton.stageChannels(stage);
            if (stage > 0) {
                body.add(addChildBlock("reduction" + stage, builder.reduction(channels / 2)));
            }
            for (int cell = 0; cell < skeleton.cellsPerStage(); cell++) {
                body.add(addChildBlock("cell" + index++,
                        cell(builder, channels, partialChannels)));
            }
        }
        this.head = addChildBlock("head", builder.head());
        this.alpha = addParameter(Parameter.builder().setName(ALPHA)
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape(space.edgeCount(), space.operations().size()))
                .optInitializer(new NormalInitializer(1e-3f))
                .build());
    }

    private SearchCell cell(Nb201NetworkBuilder builder, int channels, int partialChannels) {
        List<MixedEdge> edges = new ArrayList<>();
        for (int edge = 0; edge < space.edgeCount(); edge++) {
            List<Block> operations = new ArrayList<>();
            for (String name : space.operations()) {
                operations.add(builder.operation(name, channels / partialChannels));
            }
            edges.add(new MixedEdge(space.operations(), operations, partialChannels));
        }
        return new SearchCell(space.nodes(), space.edges(), edges);
    }

    /** Returns the cell space that defines the edges and their operations. */
    public CellSpace space() {
        return space;
    }

    /** Returns the architecture logits, edges x operations. */
    public Parameter alpha() {
        return alpha;
    }

    /** Returns the architecture logits as the only member of their group. */
    public List<Parameter> architectureParameters() {
        return List.of(alpha);
    }

    /** Returns every trainable parameter other than the architecture logits. */
    public List<Parameter> weightParameters() {
        List<Parameter> weights = new ArrayList<>();
        for (Parameter parameter : getParameters().values()) {
            if (parameter != alpha && parameter.requiresGradient()) {
                weights.add(parameter);
            }
        }
        return weights;
    }

    /** Computes the logits of a batch of images with the given routing. */
    public NDArray forward(ParameterStore store, NDArray images, boolean training,
            EdgeRouting routing) {
        NDArray x = stem.forward(store, new NDList(images), training).singletonOrThrow();
        for (Block block : body) {
            x = block instanceof SearchCell cell ? cell.forward(store, x, training, routing)
                    : block.forward(store, new NDList(x), training).singletonOrThrow();
        }
        return head.forward(store, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray logits = store.getValue(alpha, inputs.head().getDevice(), training);
        NDArray weights = logits.softmax(1);
        return new NDList(forward(store, inputs.singletonOrThrow(), training,
                EdgeRouting.mixture(weights, space.edgeCount())));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape shape = inputShapes[0];
        stem.initialize(manager, dataType, shape);
        shape = stem.getOutputShapes(new Shape[] {shape})[0];
        for (Block block : body) {
            block.initialize(manager, dataType, shape);
            shape = block.getOutputShapes(new Shape[] {shape})[0];
        }
        head.initialize(manager, dataType, shape);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape shape = inputShapes[0];
        shape = stem.getOutputShapes(new Shape[] {shape})[0];
        for (Block block : body) {
            shape = block.getOutputShapes(new Shape[] {shape})[0];
        }
        return head.getOutputShapes(new Shape[] {shape});
    }
}
