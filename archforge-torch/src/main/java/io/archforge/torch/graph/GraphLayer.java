package io.archforge.torch.graph;

import ai.djl.ndarray.NDArray;

/** One layer of a graph network: node features in, node features of the same width out. */
public interface GraphLayer {

    /** Returns the layer's output for node features {@code x} [nodes, width]. */
    NDArray forward(NDArray x, GraphTensors graph);
}
