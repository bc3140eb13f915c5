package io.archforge.benchmarks.nb201;

import java.util.Objects;

/**
 * Parameter and FLOP counts of the network NAS-Bench-201 (Dong and Yang, ICLR 2020)
 * builds around a cell, computed layer by layer.
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
 */
public final class Nb201NetworkCost {

    private static final int CELLS_PER_STAGE = 5;
    private static final int STEM_CHANNELS = 16;
    private static final int STAGES = 3;

    /** Operation indices in the order of {@code CellSpace.nb201()}. */
    private static final int NOR_CONV_1X1 = 2;
    private static final int NOR_CONV_3X3 = 3;
    private static final int AVG_POOL_3X3 = 4;

    private long params;
    private long flops;

    private Nb201NetworkCost() {
    }

    /**
     * Parameters and FLOPs, in millions.
     *
     * @param params the number of parameters divided by 10^6
     * @param flops the number of floating-point operations divided by 10^6
     */
    public record Cost(double params, double flops) {
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
        return new Cost(counter.params / 1e6, counter.flops / 1e6);
    }

    private void countNetwork(int[] genes, Nb201Dataset dataset) {
        int side = dataset.imageSize();
        int channels = STEM_CHANNELS;

        // Stem.
        convolution(3, channels, 3, side);
        batchNorm(channels, side);

        // Stages of cells, a reduction block before the second and the third.
        for (int stage = 0; stage < STAGES; stage++) {
            if (stage > 0) {
                reduction(channels, side);
                channels *= 2;
                side /= 2;
            }
            for (int cell = 0; cell < CELLS_PER_STAGE; cell++) {
                cell(genes, channels, side);
            }
        }

        // Head: batch norm, ReLU, global average pool, classifier.
        batchNorm(channels, side);
        relu(channels, side);
        flops += (long) channels * (side + 1) * (side + 1);
        params += (long) channels * dataset.classes() + dataset.classes();
        flops += (long) channels * dataset.classes();
    }

    private void cell(int[] genes, int channels, int side) {
        for (int gene : genes) {
            switch (gene) {
                case NOR_CONV_1X1 -> reluConvBn(channels, channels, 1, side, side);
                case NOR_CONV_3X3 -> reluConvBn(channels, channels, 3, side, side);
                case AVG_POOL_3X3 -> averagePool(channels, 3, side);
                default -> {
                    // none and skip_connect: no parameters, no FLOPs.
                }
            }
        }
    }

    private void reduction(int channels, int side) {
        int out = channels * 2;
        int half = side / 2;
        reluConvBn(channels, out, 3, side, half);
        reluConvBn(out, out, 3, half, half);
        averagePool(channels, 2, half);
        convolution(channels, out, 1, half);
    }

    private void reluConvBn(int in, int out, int kernel, int inSide, int outSide) {
        relu(in, inSide);
        convolution(in, out, kernel, outSide);
        batchNorm(out, outSide);
    }

    private void convolution(int in, int out, int kernel, int outSide) {
        long weights = (long) in * out * kernel * kernel;
        params += weights;
        flops += weights * outSide * outSide;
    }

    private void batchNorm(int channels, int side) {
        params += 2L * channels;
        flops += 2L * channels * side * side;
    }

    private void relu(int channels, int side) {
        flops += (long) channels * side * side;
    }

    private void averagePool(int channels, int kernel, int outSide) {
        flops += (long) kernel * kernel * channels * outSide * outSide;
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
