package io.archforge.torch.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.archforge.space.CellSpace.Edge;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One NAS-Bench-201 cell: a DAG whose node 0 is the cell input, whose last node is
 * the output, and whose every other node is the sum of its incoming edges' operations
 * applied to their source nodes. Every operation keeps the shape, so the output has
 * the input's shape.
 */
public final class Nb201Cell extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int nodes;
    private final List<Edge> edges;
    private final List<Block> operations;

    /**
     * Creates a cell.
     *
     * @param nodes the number of nodes, input and output included
     * @param edges the edges, ordered by target node
     * @param operations one block per edge, in the same order
     */
    public Nb201Cell(int nodes, List<Edge> edges, List<? extends Block> operations) {
        super(VERSION);
        if (edges.size() != operations.size()) {
            throw new IllegalArgumentException(edges.size() + " edges but "
                    + operations.size() + " operations");
        }
        this.nodes = nodes;
        this.edges = List.copyOf(edges);
        this.operations = List.copyOf(operations);
        for (int k = 0; k < edges.size(); k++) {
            addChildBlock(edges.get(k).toString(), operations.get(k));
        }
    }

    /** Returns the number of nodes, input and output included. */
    public int nodes() {
        return nodes;
    }

    /** Returns the edges, ordered by target node, in the order of the operation blocks. */
    public List<Edge> edges() {
        return edges;
    }

    /** Returns the operation block of each edge, in the order of {@link #edges()}. */
    public List<Block> operations() {
        return operations;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        return new NDList(sumEdges(nodes, edges, inputs.singletonOrThrow(),
                (k, x) -> operations.get(k).forward(parameterStore, new NDList(x), training,
                        params).singletonOrThrow()));
    }

    /**
     * Computes a cell's output: node 0 is {@code input}, every later node the sum of
     * {@code edge.apply(k, source)} over its incoming edges {@code k}, and the last node
     * the output.
     *
     * @param edges the edges, ordered by target node
     */
    public static NDArray sumEdges(int nodes, List<Edge> edges, NDArray input,
            BiFunction<Integer, NDArray, NDArray> edge) {
        NDArray[] values = new NDArray[nodes];
        values[0] = input;
        for (int k = 0; k < edges.size(); k++) {
            Edge current = edges.get(k);
            NDArray out = edge.apply(k, values[current.from()]);
            values[current.to()] = values[current.to()] == null ? out
                    : values[current.to()].add(out);
        }
        return values[nodes - 1];
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        for (Block operation : operations) {
            operation.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
