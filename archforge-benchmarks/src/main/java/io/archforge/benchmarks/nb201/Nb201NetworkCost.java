package io.archforge.benchmarks.nb201;

import io.archforge.hardware.ActivationLedger;
import io.archforge.hardware.ActivationLedger.Tensor;
import io.archforge.hardware.MemoryEstimate;
import io.archforge.space.CellSpace;
import io.archforge.space.CellSpace.Edge;
import java.util.List;
import java.util.Objects;

/**
 * Parameter, FLOP and memory counts of the network NAS-Bench-201 (Dong and Yang, ICLR
 * 2020) builds around a cell, computed layer by layer.
 *
 * <p>The network: a stem (3x3 convolution from 3 to 16 channels, batch norm); three
 * stages of 5 cells at 16, 32 and 64 channels, with a residual reduction block between
 * stages (ReLU-conv3x3/2-BN, ReLU-conv3x3-BN, shortcut 2x2 average pool and 1x1
 * convolution); batch norm, ReLU, global average pool and a linear classifier. Inside
 * a cell, {@code nor_conv_kxk} is ReLU, a kxk convolution without bias and an affine
 * batch norm; {@code avg_pool_3x3}, {@code skip_connect} and {@code none} have no
 * parameters.
 *
 * <p>Parameters are every weight and bias, classifier bias included. FLOPs follow the
 * convention of the published NAS-Bench-201 zero-cost tables (NASLib): a convolution
 * or linear layer counts its multiply-accumulates, batch norm 2 per output element,
 * ReLU 1 per element, average pooling {@code k*k} per output element, and the head
 * adds {@code C*(s+1)^2} for C channels of side s, which reproduces those tables
 * exactly although which operation the reference counter charged it to is not known.
 * With this convention a 3x3 convolution edge adds 35.82 M FLOPs on CIFAR.
 *
 * <p>Memory follows the forward pass of the network that {@code Nb201NetworkBuilder}
 * of archforge-torch builds, at batch 1 in float32, through an {@link ActivationLedger}:
 * every operation writes a new tensor, {@code none} included (it multiplies by zero),
 * except {@code skip_connect}, which passes its input on. A tensor is freed after its
 * last reader. A reduction block runs its main path before its shortcut, and a cell
 * runs its edges in gene order, adding each edge's output to its target node at once.
 * Parameter bytes count batch-norm running means and variances too.
 */
public final class Nb201NetworkCost {

    private static final int CELLS_PER_STAGE = 5;
    private static final int STEM_CHANNELS = 16;
    private static final int STAGES = 3;
    private static final int IMAGE_CHANNELS = 3;
    private static final int FLOAT_BYTES = 4;
    private static final List<Edge> EDGES = CellSpace.nb201().edges();

    /** Operation indices in the order of {@code CellSpace.nb201()}. */
    private static final int NONE = 0;
    private static final int SKIP_CONNECT = 1;
    private static final int NOR_CONV_1X1 = 2;
    private static final int NOR_CONV_3X3 = 3;
    private static final int AVG_POOL_3X3 = 4;

    private final ActivationLedger ledger = new ActivationLedger();
    private long params;
    private long runningStatistics;
    private long flops;
    private long macs;

    private Nb201NetworkCost() {
    }

    /**
     * Size, operations and memory of one network for one image.
     *
     * @param params the number of parameters divided by 10^6
     * @param flops the number of floating-point operations divided by 10^6
     * @param macs multiply-accumulates of the convolutions and the classifier, not divided
     * @param memory float32 bytes of the parameters and activations at batch 1
     */
    public record Cost(double params, double flops, long macs, MemoryEstimate memory) {

        public Cost {
            Objects.requireNonNull(memory, "memory");
        }
    }

    /**
     * Counts the network of the cell with operation indices {@code genes} (the order of
     * {@code CellSpace.nb201()}) for {@code dataset}'s input size and class count.
     */
    public static Cost of(int[] genes, Nb201Dataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        checkGenes(genes);
        Nb201NetworkCost counter = new Nb201NetworkCost();
        counter.countNetwork(genes, dataset);
        MemoryEstimate memory = counter.ledger.estimate(
                (counter.params + counter.runningStatistics) * FLOAT_BYTES);
        return new Cost(counter.params / 1e6, counter.flops / 1e6, counter.macs, memory);
    }

    private void countNetwork(int[] genes, Nb201Dataset dataset) {
        int side = dataset.imageSize();
        int channels = STEM_CHANNELS;
        Tensor x = ledger.allocate(bytes(IMAGE_CHANNELS, side));

        // Stem.
        x = convolution(x, true, IMAGE_CHANNELS, channels, 3, side);
        x = batchNorm(x, channels, side);

        // Stages of cells, a reduction block before the second and the third.
        for (int stage = 0; stage < STAGES; stage++) {
            if (stage > 0) {
                x = reduction(x, channels, side);
                channels *= 2;
                side /= 2;
            }
            for (int cell = 0; cell < CELLS_PER_STAGE; cell++) {
                x = cell(x, genes, channels, side);
            }
        }

        // Head: batch norm, ReLU, global average pool, classifier.
        x = batchNorm(x, channels, side);
        x = relu(x, true, channels, side);
        flops += (long) channels * (side + 1) * (side + 1);
        x = layer(x, true, (long) channels * FLOAT_BYTES);
        params += (long) channels * dataset.classes() + dataset.classes();
        flops += (long) channels * dataset.classes();
        macs += (long) channels * dataset.classes();
        ledger.release(layer(x, true, (long) dataset.classes() * FLOAT_BYTES));
    }

    /** Runs the edges in gene order and frees each node's value after its last reader. */
    private Tensor cell(Tensor input, int[] genes, int channels, int side) {
        Tensor[] nodes = new Tensor[EDGES.get(EDGES.size() - 1).to() + 1];
        int[] readers = new int[nodes.length];
        for (Edge edge : EDGES) {
            readers[edge.from()]++;
        }
        nodes[0] = input;
        for (int k = 0; k < EDGES.size(); k++) {
            Edge edge = EDGES.get(k);
            readers[edge.from()]--;
            Tensor out = operation(genes[k], nodes[edge.from()], readers[edge.from()] == 0,
                    channels, side);
            if (nodes[edge.to()] == null) {
                nodes[edge.to()] = out;
            } else {
                Tensor sum = ledger.allocate(bytes(channels, side));
                ledger.release(nodes[edge.to()]);
                ledger.release(out);
                nodes[edge.to()] = sum;
            }
        }
        return nodes[nodes.length - 1];
    }

    private Tensor operation(int gene, Tensor in, boolean consume, int channels, int side) {
        return switch (gene) {
            case NONE -> layer(in, consume, bytes(channels, side));
            case SKIP_CONNECT -> identity(in, consume);
            case NOR_CONV_1X1 -> reluConvBn(in, consume, channels, channels, 1, side, side);
            case NOR_CONV_3X3 -> reluConvBn(in, consume, channels, channels, 3, side, side);
            case AVG_POOL_3X3 -> averagePool(in, consume, channels, 3, side);
            default -> throw new IllegalArgumentException("operation index " + gene
                    + " is invalid; expected 0 to " + (Nb201Table.OPERATIONS - 1));
        };
    }

    /** Runs the main path, then the shortcut, and adds them, consuming the input. */
    private Tensor reduction(Tensor in, int channels, int side) {
        int out = channels * 2;
        int half = side / 2;
        Tensor main = reluConvBn(in, false, channels, out, 3, side, half);
        main = reluConvBn(main, true, out, out, 3, half, half);
        Tensor shortcut = averagePool(in, true, channels, 2, half);
        shortcut = convolution(shortcut, true, channels, out, 1, half);
        Tensor sum = ledger.allocate(bytes(out, half));
        ledger.release(main);
        ledger.release(shortcut);
        return sum;
    }

    private Tensor reluConvBn(Tensor in, boolean consume, int inChannels, int out, int kernel,
            int inSide, int outSide) {
        Tensor x = relu(in, consume, inChannels, inSide);
        x = convolution(x, true, inChannels, out, kernel, outSide);
        return batchNorm(x, out, outSide);
    }

    private Tensor convolution(Tensor in, boolean consume, int inChannels, int out, int kernel,
            int outSide) {
        long weights = (long) inChannels * out * kernel * kernel;
        params += weights;
        flops += weights * outSide * outSide;
        macs += weights * outSide * outSide;
        return layer(in, consume, bytes(out, outSide));
    }

    private Tensor batchNorm(Tensor in, int channels, int side) {
        params += 2L * channels;
        runningStatistics += 2L * channels;
        flops += 2L * channels * side * side;
        return layer(in, true, bytes(channels, side));
    }

    private Tensor relu(Tensor in, boolean consume, int channels, int side) {
        flops += (long) channels * side * side;
        return layer(in, consume, bytes(channels, side));
    }

    private Tensor averagePool(Tensor in, boolean consume, int channels, int kernel,
            int outSide) {
        flops += (long) kernel * kernel * channels * outSide * outSide;
        return layer(in, consume, bytes(channels, outSide));
    }

    /**
     * Writes an output of {@code outBytes}, then frees the input's reference when the
     * operation consumes it.
     */
    private Tensor layer(Tensor in, boolean consume, long outBytes) {
        Tensor out = ledger.allocate(outBytes);
        if (consume) {
            ledger.release(in);
        }
        return out;
    }

    /** Passes the input on; a caller that keeps its own reference adds one for the output. */
    private Tensor identity(Tensor in, boolean consume) {
        if (!consume) {
            ledger.retain(in);
        }
        return in;
    }

    private static long bytes(int channels, int side) {
        return (long) channels * side * side * FLOAT_BYTES;
    }

    private static void checkGenes(int[] genes) {
        Objects.requireNonNull(genes, "genes");
        if (genes.length != Nb201Table.EDGES) {
            throw new IllegalArgumentException("an NAS-Bench-201 cell has " + Nb201Table.EDGES
                    + " edges, got " + genes.length + " genes");
        }
        for (int gene : genes) {
            if (gene < 0 || gene >= Nb201Table.OPERATIONS) {
                throw new IllegalArgumentException("operation index " + gene
                        + " is invalid; expected 0 to " + (Nb201Table.OPERATIONS - 1));
            }
        }
    }
}
