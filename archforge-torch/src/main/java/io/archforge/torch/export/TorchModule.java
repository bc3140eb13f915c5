package io.archforge.torch.export;

import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import io.archforge.space.CellSpace.Edge;
import java.util.List;
import java.util.Objects;

/**
 * The PyTorch module that rebuilds one DJL block of an exported network. A tree of
 * these mirrors the DJL network layer for layer, and {@link PythonSource} writes it as
 * Python. The layers with parameters keep their DJL block, whose initialized parameter
 * shapes give the channel counts.
 */
public sealed interface TorchModule {

    /**
     * {@code nn.Sequential}: the children in order.
     *
     * @param names the attribute name of each child, such as {@code "0"} or {@code "stem"}
     */
    record Sequential(List<String> names, List<TorchModule> children) implements TorchModule {
        public Sequential {
            names = List.copyOf(names);
            children = List.copyOf(children);
            if (names.size() != children.size()) {
                throw new IllegalArgumentException(names.size() + " names for "
                        + children.size() + " children");
            }
        }
    }

    /** {@code nn.Conv2d} of a DJL 2-D convolution. */
    record Convolution(Conv2d layer) implements TorchModule {
        public Convolution {
            Objects.requireNonNull(layer, "layer");
        }
    }

    /** {@code nn.BatchNorm2d} of a DJL batch norm over the channel axis. */
    record BatchNorm2d(BatchNorm layer) implements TorchModule {
        public BatchNorm2d {
            Objects.requireNonNull(layer, "layer");
        }
    }

    /** {@code nn.Linear} of a DJL linear layer. */
    record FullyConnected(Linear layer) implements TorchModule {
        public FullyConnected {
            Objects.requireNonNull(layer, "layer");
        }
    }

    /** The body's output plus its input: a skip connection. */
    record Residual(TorchModule body) implements TorchModule {
        public Residual {
            Objects.requireNonNull(body, "body");
        }
    }

    /** The sum of a main path and a shortcut applied to the same input. */
    record Reduction(TorchModule main, TorchModule shortcut) implements TorchModule {
        public Reduction {
            Objects.requireNonNull(main, "main");
            Objects.requireNonNull(shortcut, "shortcut");
        }
    }

    /**
     * A NAS-Bench-201 cell: node 0 is the input, each later node the sum of its incoming
     * edges' operations, the last node the output.
     *
     * @param edges the edges, ordered by target node
     * @param operations one module per edge, in the order of {@code edges}
     */
    record Cell(int nodes, List<Edge> edges, List<TorchModule> operations)
            implements TorchModule {
        public Cell {
            edges = List.copyOf(edges);
            operations = List.copyOf(operations);
            if (edges.size() != operations.size()) {
                throw new IllegalArgumentException(edges.size() + " edges but "
                        + operations.size() + " operations");
            }
        }
    }

    /** A layer without parameters. */
    record Function(FunctionKind kind) implements TorchModule {
        public Function {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The layers without parameters that exported networks use. */
    enum FunctionKind {
        /** {@code nn.ReLU()}. */
        RELU,
        /** {@code nn.Identity()}. */
        IDENTITY,
        /** The input times 0. */
        ZERO,
        /** {@code nn.AdaptiveAvgPool2d(1)}: [N, C, H, W] to [N, C, 1, 1]. */
        ADAPTIVE_AVG_POOL,
        /** {@code nn.Flatten()}: [N, ...] to [N, rest]. */
        FLATTEN,
        /** The mean over width, then over height: [N, C, H, W] to [N, C]. */
        SPATIAL_MEAN,
        /**
         * 3x3 average pooling, stride 1, padding 1, with the padding counted in the mean.
         * NOTE: {@code ParameterFreeOp} passes {@code countIncludePad = false} to DJL, as
         * NAS-Bench-201 defines the operation, but DJL 0.36's PyTorch engine ignores that
         * flag and counts the padding, so the export counts it too to give the same
         * outputs.
         */
        AVG_POOL_3X3,
        /** 2x2 average pooling with stride 2. */
        AVG_POOL_2X2
    }
}
