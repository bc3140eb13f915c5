package io.archforge.torch.hardware;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.archforge.torch.train.DjlRuntime;

/**
 * Measures the memory a DJL forward pass holds, in bytes: every parameter array of the
 * network plus every NDArray the pass leaves attached to a fresh sub-manager, which
 * are its input, each intermediate result and its output.
 *
 * <p>DJL frees none of these arrays before the sub-manager closes and autograd is off,
 * so the sum is the memory in use when the pass ends, which is also the largest amount
 * during the pass. A view,
 * such as a reshape, counts in full although it shares storage with its source.
 * Memory that libtorch allocates without an NDArray, such as operator workspaces and
 * allocator slack, is not counted, nor is the Java heap.
 */
public final class ForwardMemory {

    private ForwardMemory() {
    }

    /**
     * Runs one inference forward pass of {@code network} on an input of ones and returns
     * the bytes held.
     *
     * @param network an initialized network whose parameters live in {@code manager}
     * @param input the input shape, batch dimension included
     */
    public static long measureBytes(Block network, NDManager manager, Shape input) {
        long parameters = 0;
        for (Parameter parameter : network.getParameters().values()) {
            parameters += bytes(parameter.getArray());
        }
        boolean previousGradMode = DjlRuntime.setGradMode(false);
        try (NDManager pass = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            network.forward(store, new NDList(pass.ones(input)), false);
            long activations = 0;
            for (NDArray array : pass.getManagedArrays()) {
                activations += bytes(array);
            }
            return parameters + activations;
        } finally {
            DjlRuntime.setGradMode(previousGradMode);
        }
    }

    private static long bytes(NDArray array) {
        return array.size() * array.getDataType().getNumOfBytes();
    }
}
