package io.archforge.torch.proxy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.archforge.space.Architecture;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201NetworkBuilder;
import java.util.Objects;

/**
 * The input of a proxy: an nb201 cell, the network input, the batch for data-dependent
 * proxies, and the seed of the untrained weights. Every proxy builds its own network
 * from the seed, so all proxies of one input see the same initial weights.
 *
 * @param architecture a cell of the nb201 space
 * @param batch the images and labels; its input shape is the network's
 * @param seed the seed of the weights
 */
public record ProxyInput(Architecture architecture, ProxyBatch batch, long seed) {

    public ProxyInput {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(batch, "batch");
    }

    public Nb201Input input() {
        return batch.input();
    }

    /** Builds the network with batch norm, float32 weights initialised from the seed. */
    public Block network(NDManager manager) {
        return network(manager, DataType.FLOAT32);
    }

    /** Builds the network with batch norm and weights of {@code dataType} from the seed. */
    public Block network(NDManager manager, DataType dataType) {
        return Nb201NetworkBuilder.forInput(input())
                .create(architecture, manager, dataType, seed, false);
    }
}
