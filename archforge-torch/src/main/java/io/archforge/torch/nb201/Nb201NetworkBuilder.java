package io.archforge.torch.nb201;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.torch.nb201.ParameterFreeOp.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Builds the DJL network that NAS-Bench-201 (Dong and Yang, "NAS-Bench-201: Extending
 * the Scope of Reproducible Neural Architecture Search", ICLR 2020) trains for a cell.
 *
 * <p>The network, in the benchmark's {@link Nb201Skeleton}: a stem (3x3 convolution to 16
 * channels, batch norm); three stages of 5 cells at 16, 32 and 64 channels; between stages a residual reduction block whose
 * main path is ReLU, 3x3 convolution with stride 2, batch norm, ReLU, 3x3 convolution,
 * batch norm, and whose shortcut is 2x2 average pooling with stride 2 and a 1x1
 * convolution; then batch norm, ReLU, global average pooling and a linear classifier.
 * In a cell, {@code nor_conv_1x1} and {@code nor_conv_3x3} are ReLU, convolution and
 * batch norm; {@code avg_pool_3x3} averages a 3x3 window with stride 1, not counting
 * padding; {@code skip_connect} is the identity and {@code none} outputs zeros.
 * Convolutions have no bias; batch norm has a learned scale and shift; the classifier
 * has a bias.
 *
 * <p>Every convolution and the classifier are followed by a
 * {@link ParameterFreeOp.Kind#LAYER_OUTPUT} point and every ReLU reports its input, so
 * that a {@link ForwardProbe} can observe them. {@link #withSkeleton} changes the stem's
 * channels and the cells per stage, for the smaller networks that search trains.
 */
public final class Nb201NetworkBuilder {

    private final Nb201Input input;
    private final boolean batchNorm;
    private final Nb201Skeleton skeleton;

    private Nb201NetworkBuilder(Nb201Input input, boolean batchNorm, Nb201Skeleton skeleton) {
        this.input = Objects.requireNonNull(input, "input");
        this.batchNorm = batchNorm;
        this.skeleton = Objects.requireNonNull(skeleton, "skeleton");
    }

    /** Creates a builder of the benchmark's networks for {@code input}, with batch norm. */
    public static Nb201NetworkBuilder forInput(Nb201Input input) {
        return new Nb201NetworkBuilder(input, true, Nb201Skeleton.BENCHMARK);
    }

    /** Returns a builder that puts the cell into {@code other} instead. */
    public Nb201NetworkBuilder withSkeleton(Nb201Skeleton other) {
        return new Nb201NetworkBuilder(input, batchNorm, other);
    }

    /** Returns the outer network this builder puts the cell into. */
    public Nb201Skeleton skeleton() {
        return skeleton;
    }

    /**
     * Returns a builder that leaves every batch norm out, as the synaptic-flow measure
     * of Abdelfattah et al. (ICLR 2021) evaluates the network.
     */
    public Nb201NetworkBuilder withoutBatchNorm() {
        return new Nb201NetworkBuilder(input, false, skeleton);
    }

    public Nb201Input input() {
        return input;
    }

    /**
     * Builds the uninitialized network of an {@code nb201} cell.
     *
     * @throws IllegalArgumentException when the architecture is not of the nb201 space
     */
    public SequentialBlock build(Architecture architecture) {
        CellSpace space = CellSpace.nb201();
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(space.name())) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is of space '" + architecture.space() + "', expected nb201");
        }
        List<String> operations = new ArrayList<>();
        for (int edge = 0; edge < space.edgeCount(); edge++) {
            operations.add(space.operation(architecture, edge));
        }
        SequentialBlock network = new ProbedSequentialBlock();
        network.add(stem());

        // Stages of cells, with a reduction block before the second and the third.
        for (int stage = 0; stage < Nb201Skeleton.STAGES; stage++) {
            int channels = skeleton.stageChannels(stage);
            if (stage > 0) {
                network.add(reduction(channels / 2));
            }
            for (int cell = 0; cell < skeleton.cellsPerStage(); cell++) {
                network.add(cell(space, operations, channels));
            }
        }
        network.add(head());
        return network;
    }

    /** Builds the stem: a 3x3 convolution from the image channels to the skeleton's, and batch norm. */
    public SequentialBlock stem() {
        SequentialBlock stem = new ProbedSequentialBlock()
                .add(convolution(input.channels(), skeleton.channels(), 3, 1));
        addBatchNorm(stem);
        return stem;
    }

    /** Builds the head: batch norm, ReLU, global average pooling and the classifier. */
    public SequentialBlock head() {
        SequentialBlock head = new ProbedSequentialBlock();
        addBatchNorm(head);
        head.add(ParameterFreeOp.of(Kind.RELU))
                .add(ParameterFreeOp.of(Kind.GLOBAL_AVG_POOL))
                .add(Linear.builder().setUnits(input.classes()).build())
                .add(ParameterFreeOp.layerOutput(skeleton.lastChannels()));
        return head;
    }

    /**
     * Builds the network and initialises it in {@code manager} for a batch of {@code
     * batchSize} images: convolution and classifier weights and the classifier bias
     * uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]} from {@code seed}, batch norm
     * scale 1 and shift 0.
     *
     * @param absolute whether weights and bias take the absolute value of their draw
     */
    public Block create(Architecture architecture, NDManager manager, DataType dataType,
            long seed, boolean absolute) {
        SequentialBlock network = build(architecture);
        SplittableRandom random = new SplittableRandom(seed);
        network.setInitializer(new FanInUniformInitializer(random, 0, absolute),
                Parameter.Type.WEIGHT);
        network.setInitializer(new FanInUniformInitializer(random, skeleton.lastChannels(),
                absolute),
                Parameter.Type.BIAS);
        network.initialize(manager, dataType, input.batchShape(1));
        return network;
    }

    private Block cell(CellSpace space, List<String> operations, int channels) {
        List<Block> blocks = new ArrayList<>();
        for (String operation : operations) {
            blocks.add(operation(operation, channels));
        }
        return new Nb201Cell(space.nodes(), space.edges(), blocks);
    }

    /**
     * Builds the block of one cell operation at {@code channels} channels.
     *
     * @throws IllegalArgumentException naming the operations there are
     */
    public Block operation(String name, int channels) {
        return switch (name) {
            case "none" -> ParameterFreeOp.of(Kind.ZERO);
            case "skip_connect" -> ParameterFreeOp.of(Kind.IDENTITY);
            case "nor_conv_1x1" -> reluConvBn(channels, channels, 1, 1);
            case "nor_conv_3x3" -> reluConvBn(channels, channels, 3, 1);
            case "avg_pool_3x3" -> ParameterFreeOp.of(Kind.AVG_POOL_3X3);
            default -> throw new IllegalArgumentException("unknown NAS-Bench-201 operation '"
                    + name + "'; expected one of " + CellSpace.nb201().operations());
        };
    }

    /** Builds the residual reduction block from {@code channels} to twice as many at half the side. */
    public Block reduction(int channels) {
        int out = channels * 2;
        SequentialBlock main = new ProbedSequentialBlock()
                .add(reluConvBn(channels, out, 3, 2))
                .add(reluConvBn(out, out, 3, 1));
        SequentialBlock shortcut = new ProbedSequentialBlock()
                .add(ParameterFreeOp.of(Kind.AVG_POOL_2X2))
                .add(convolution(channels, out, 1, 1));
        return new ResidualReduction(main, shortcut);
    }

    private SequentialBlock reluConvBn(int in, int out, int kernel, int stride) {
        SequentialBlock block = new ProbedSequentialBlock()
                .add(ParameterFreeOp.of(Kind.RELU))
                .add(convolution(in, out, kernel, stride));
        addBatchNorm(block);
        return block;
    }

    private void addBatchNorm(SequentialBlock block) {
        if (batchNorm) {
            block.add(BatchNorm.builder().build());
        }
    }

    /** Builds a convolution without bias, padded to keep the size at stride 1, and its probe. */
    private static SequentialBlock convolution(int in, int out, int kernel, int stride) {
        return new ProbedSequentialBlock()
                .add(Conv2d.builder()
                        .setFilters(out)
                        .setKernelShape(new Shape(kernel, kernel))
                        .optStride(new Shape(stride, stride))
                        .optPadding(new Shape(kernel / 2, kernel / 2))
                        .optBias(false)
                        .build())
                .add(ParameterFreeOp.layerOutput((long) in * kernel * kernel));
    }
}
