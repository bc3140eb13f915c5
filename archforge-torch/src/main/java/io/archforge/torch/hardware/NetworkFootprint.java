package io.archforge.torch.hardware;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import io.archforge.hardware.ActivationLedger;
import io.archforge.hardware.ActivationLedger.Tensor;
import io.archforge.hardware.MemoryEstimate;
import io.archforge.space.CellSpace.Edge;
import io.archforge.torch.nb201.Nb201Cell;
import io.archforge.torch.nb201.ParameterFreeOp;
import io.archforge.torch.nb201.ResidualReduction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parameters, multiply-accumulates and estimated memory of a DJL network for one
 * image, from a walk over its blocks and their output shapes; nothing runs.
 *
 * <p>MACs are those of convolutions (output elements times input channels per group
 * times kernel area) and linear layers (output elements times input features), as
 * {@code ModelStats} counts them. Parameters are the trainable ones, in the count; the
 * memory estimate takes every parameter array, batch-norm running statistics included,
 * at 4 bytes per value.
 *
 * <p>Activations follow an {@link ActivationLedger} in float32: every block without
 * children writes a new output tensor, except an identity (a NAS-Bench-201 {@code
 * skip_connect} or layer-output point, or a {@link LambdaBlock} named {@code identity})
 * that passes its input on. A tensor is freed after its last reader. A sequential
 * block runs its children in order; a {@link ParallelBlock} or a NAS-Bench-201
 * reduction block runs each child on its input in order, then joins their outputs
 * into a new tensor; a NAS-Bench-201 cell runs its edges in order and adds each output
 * to its target node at once.
 *
 * @param params trainable parameters
 * @param macs multiply-accumulates of one forward pass on one image
 * @param memory estimated memory of that forward pass
 */
public record NetworkFootprint(long params, long macs, MemoryEstimate memory) {

    private static final int FLOAT_BYTES = 4;

    public NetworkFootprint {
        Objects.requireNonNull(memory, "memory");
    }

    /**
     * Walks an initialized network.
     *
     * @param input the shape of one input image, with a leading batch dimension of 1
     * @throws IllegalStateException when the network is not initialized
     * @throws IllegalArgumentException when the input has another batch size, or the
     *     network holds a block with children that this walk cannot follow
     */
    public static NetworkFootprint of(Block network, Shape input) {
        if (!network.isInitialized()) {
            throw new IllegalStateException("initialize the network before measuring it");
        }
        if (input.get(0) != 1) {
            throw new IllegalArgumentException("input shape must have batch size 1, got "
                    + input);
        }
        long params = 0;
        long parameterValues = 0;
        for (Parameter parameter : network.getParameters().values()) {
            parameterValues += parameter.getShape().size();
            if (parameter.requiresGradient()) {
                params += parameter.getShape().size();
            }
        }
        Walk walk = new Walk();
        Value image = new Value(input, walk.ledger.allocate(bytes(input)));
        walk.ledger.release(walk.visit(network, image, true).tensor());
        return new NetworkFootprint(params, walk.macs,
                walk.ledger.estimate(parameterValues * FLOAT_BYTES));
    }

    /** Trainable parameters in millions. */
    public double megaParams() {
        return params / 1e6;
    }

    /** Multiply-accumulates in millions. */
    public double megaMacs() {
        return macs / 1e6;
    }

    private static long bytes(Shape shape) {
        return shape.size() * FLOAT_BYTES;
    }

    /** A tensor of the walk and its shape. */
    private record Value(Shape shape, Tensor tensor) {
    }

    /**
     * The state of one walk. Each visit reads its input and returns an output that the
     * caller owns one reference of; with {@code consume} the visit also takes over the
     * caller's reference to the input and frees it after the input's last reader.
     */
    private static final class Walk {
        private final ActivationLedger ledger = new ActivationLedger();
        private long macs;

        Value visit(Block block, Value in, boolean consume) {
            if (block instanceof SequentialBlock) {
                return sequence(block, in, consume);
            }
            if (block instanceof Nb201Cell cell) {
                return cell(cell, in, consume);
            }
            if (block instanceof ParallelBlock || block instanceof ResidualReduction) {
                return branches(block, in, consume);
            }
            if (!block.getChildren().isEmpty()) {
                throw new IllegalArgumentException("cannot estimate the memory of "
                        + block.getClass().getSimpleName() + "; use sequential and parallel"
                        + " blocks");
            }
            Shape output = block.getOutputShapes(new Shape[] {in.shape()})[0];
            macs += layerMacs(block, in.shape(), output);
            if (passesInputOn(block)) {
                return identity(in, consume);
            }
            Value out = new Value(output, ledger.allocate(bytes(output)));
            if (consume) {
                ledger.release(in.tensor());
            }
            return out;
        }

        private Value sequence(Block block, Value in, boolean consume) {
            if (block.getChildren().isEmpty()) {
                return identity(in, consume);
            }
            Value current = in;
            boolean owned = consume;
            for (Block child : block.getChildren().values()) {
                current = visit(child, current, owned);
                owned = true;
            }
            return current;
        }

        private Value branches(Block block, Value in, boolean consume) {
            List<Block> children = block.getChildren().values();
            List<Value> outputs = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                outputs.add(visit(children.get(i), in, consume && i == children.size() - 1));
            }
            if (children.isEmpty() && consume) {
                ledger.release(in.tensor());
            }
            Shape shape = block.getOutputShapes(new Shape[] {in.shape()})[0];
            Value joined = new Value(shape, ledger.allocate(bytes(shape)));
            outputs.forEach(output -> ledger.release(output.tensor()));
            return joined;
        }

        private Value cell(Nb201Cell cell, Value in, boolean consume) {
            List<Edge> edges = cell.edges();
            Value[] nodes = new Value[cell.nodes()];
            int[] readers = new int[cell.nodes()];
            for (Edge edge : edges) {
                readers[edge.from()]++;
            }
            int[] unread = readers.clone();
            if (!consume) {
                ledger.retain(in.tensor());
            }
            nodes[0] = in;
            for (int k = 0; k < edges.size(); k++) {
                Edge edge = edges.get(k);
                readers[edge.from()]--;
                Value out = visit(cell.operations().get(k), nodes[edge.from()],
                        readers[edge.from()] == 0);
                nodes[edge.to()] = nodes[edge.to()] == null ? out : add(nodes[edge.to()], out);
            }
            int last = nodes.length - 1;
            for (int node = 0; node < last; node++) {
                if (unread[node] == 0 && nodes[node] != null) {
                    ledger.release(nodes[node].tensor());
                }
            }
            return nodes[last];
        }

        /** Writes the sum, then frees both addends. */
        private Value add(Value partial, Value addend) {
            Value sum = new Value(partial.shape(), ledger.allocate(bytes(partial.shape())));
            ledger.release(partial.tensor());
            ledger.release(addend.tensor());
            return sum;
        }

        private Value identity(Value in, boolean consume) {
            if (!consume) {
                ledger.retain(in.tensor());
            }
            return in;
        }

        private static boolean passesInputOn(Block block) {
            if (block instanceof ParameterFreeOp op) {
                return op.kind() == ParameterFreeOp.Kind.IDENTITY
                        || op.kind() == ParameterFreeOp.Kind.LAYER_OUTPUT;
            }
            return block instanceof LambdaBlock lambda && lambda.getName().equals("identity");
        }

        private static long layerMacs(Block block, Shape input, Shape output) {
            if (block instanceof Convolution convolution) {
                return output.size() * (input.get(1) / convolution.getGroups())
                        * convolution.getKernelShape().size();
            }
            if (block instanceof Linear) {
                return output.size() * input.get(input.dimension() - 1);
            }
            return 0;
        }
    }
}
