package io.archforge.torch.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * One edge of a search cell, with every candidate operation. A forward pass sums a
 * weighted mixture of them (DARTS) or computes one (GDAS, edge mutation).
 *
 * <p>With partial channels {@code k > 1} (Xu et al., PC-DARTS, ICLR 2020) only the
 * first {@code 1/k} of the channels pass through the operations. The rest bypass them,
 * and a channel shuffle mixes the two parts for the next edge. The {@code none}
 * operation outputs zeros, so it is never computed, but its weight still takes part in
 * the softmax.
 */
final class MixedEdge extends AbstractBlock {

    private static final byte VERSION = 1;

    private final List<String> names;
    private final List<Block> operations;
    private final int partialChannels;

    /**
     * Creates an edge.
     *
     * @param names the operation names, in the space's order
     * @param operations one block per name, built for {@code channels / partialChannels}
     *     channels
     */
    MixedEdge(List<String> names, List<Block> operations, int partialChannels) {
        super(VERSION);
        this.names = List.copyOf(names);
        this.operations = List.copyOf(operations);
        this.partialChannels = partialChannels;
        for (int k = 0; k < operations.size(); k++) {
            addChildBlock(names.get(k), operations.get(k));
        }
    }

    /** Computes the edge's output under {@code routing} for edge number {@code edge}. */
    NDArray forward(ParameterStore store, NDArray x, boolean training, EdgeRouting routing,
            int edge) {
        if (partialChannels == 1) {
            return mix(store, x, training, routing, edge);
        }
        long channels = x.getShape().get(1);
        long part = channels / partialChannels;
        NDArray active = x.get(new NDIndex(":, :{}", part));
        NDArray bypass = x.get(new NDIndex(":, {}:", part));
        NDArray mixed = mix(store, active, training, routing, edge);
        return shuffle(mixed.concat(bypass, 1), partialChannels);
    }

    private NDArray mix(ParameterStore store, NDArray x, boolean training, EdgeRouting routing,
            int edge) {
        if (routing.isSingle(edge)) {
            int k = routing.single()[edge];
            NDArray out = apply(store, k, x, training);
            return routing.weights() == null ? out
                    : out.mul(routing.weights().get(edge, k));
        }
        NDArray sum = null;
        for (int k = 0; k < operations.size(); k++) {
            if (names.get(k).equals("none")) {
                continue;
            }
            NDArray term = apply(store, k, x, training).mul(routing.weights().get(edge, k));
            sum = sum == null ? term : sum.add(term);
        }
        return sum == null ? x.zerosLike() : sum;
    }

    private NDArray apply(ParameterStore store, int k, NDArray x, boolean training) {
        if (names.get(k).equals("none")) {
            return x.zerosLike();
        }
        return operations.get(k).forward(store, new NDList(x), training).singletonOrThrow();
    }

    /** Interleaves the channels of {@code groups} equal groups, as ShuffleNet does. */
    static NDArray shuffle(NDArray x, int groups) {
        Shape shape = x.getShape();
        long channels = shape.get(1);
        return x.reshape(shape.get(0), groups, channels / groups, shape.get(2), shape.get(3))
                .transpose(0, 2, 1, 3, 4)
                .reshape(shape);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        throw new UnsupportedOperationException("a mixed edge cannot run without an"
                + " EdgeRouting, so call SearchNetwork.forward with a routing instead");
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape part = new Shape(in.get(0), in.get(1) / partialChannels, in.get(2), in.get(3));
        for (Block operation : operations) {
            operation.initialize(manager, dataType, part);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
