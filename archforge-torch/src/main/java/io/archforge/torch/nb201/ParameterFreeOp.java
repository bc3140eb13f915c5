package io.archforge.torch.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A layer without parameters of the NAS-Bench-201 network. Its {@link Kind} gives
 * {@link NetworkCost} its cost, which a generic lambda block would hide.
 */
public final class ParameterFreeOp extends AbstractBlock {

    private static final byte VERSION = 1;

    /** The computation of the layer. */
    public enum Kind {
        /** ReLU; reports its input to a {@link ForwardProbe}. */
        RELU,
        /** The {@code none} operation: the input times 0, so the graph stays connected. */
        ZERO,
        /** The {@code skip_connect} operation. */
        IDENTITY,
        /** 3x3 average pooling, stride 1, padding 1, padding not counted. */
        AVG_POOL_3X3,
        /** 2x2 average pooling with stride 2, the shortcut of a reduction block. */
        AVG_POOL_2X2,
        /** Mean over the spatial dimensions: [N, C, H, W] to [N, C]. */
        GLOBAL_AVG_POOL,
        /**
         * Identity after a convolution or linear layer, where a {@link ForwardProbe} receives
         * the layer output.
         */
        LAYER_OUTPUT
    }

    private final Kind kind;
    private final long weightsPerUnit;

    private ParameterFreeOp(Kind kind, long weightsPerUnit) {
        super(VERSION);
        this.kind = kind;
        this.weightsPerUnit = weightsPerUnit;
    }

    /** Creates a layer of {@code kind}; use {@link #layerOutput} for {@code LAYER_OUTPUT}. */
    public static ParameterFreeOp of(Kind kind) {
        if (kind == Kind.LAYER_OUTPUT) {
            throw new IllegalArgumentException("LAYER_OUTPUT needs the weights per unit;"
                    + " use layerOutput(long)");
        }
        return new ParameterFreeOp(kind, 0);
    }

    /**
     * Creates the probe point after a convolution or linear layer.
     *
     * @param weightsPerUnit input channels times kernel area, or input features
     */
    public static ParameterFreeOp layerOutput(long weightsPerUnit) {
        return new ParameterFreeOp(Kind.LAYER_OUTPUT, weightsPerUnit);
    }

    public Kind kind() {
        return kind;
    }

    /** Returns the weights feeding one unit of the layer before, 0 unless LAYER_OUTPUT. */
    public long weightsPerUnit() {
        return weightsPerUnit;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        ForwardProbe probe = ForwardProbe.from(params);
        NDArray y = switch (kind) {
            case RELU -> {
                if (probe != null) {
                    probe.beforeRelu(x);
                }
                yield Activation.relu(x);
            }
            case ZERO -> x.mul(zero(x));
            case IDENTITY -> x;
            case AVG_POOL_3X3 -> Pool.avgPool2d(x, new Shape(3, 3), new Shape(1, 1),
                    new Shape(1, 1), false, false);
            case AVG_POOL_2X2 -> Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2),
                    new Shape(0, 0), false, false);
            case GLOBAL_AVG_POOL -> x.mean(new int[] {3}).mean(new int[] {2});
            case LAYER_OUTPUT -> probe == null ? x : probe.afterLayer(x, weightsPerUnit);
        };
        return new NDList(y);
    }

    /**
     * Creates a 0-dim zero of {@code x}'s type in {@code x}'s manager, for autograd to
     * save for the backward pass. DJL 0.36's {@code mul(Number)} wraps its scalar around
     * a Java direct buffer and closes it at once. The next garbage collection then frees
     * that buffer while autograd still reads it, so the backward pass multiplies by
     * whatever the memory contains by then. This zero lives in libtorch memory and stays
     * open until the manager closes.
     */
    private static NDArray zero(NDArray x) {
        return x.getManager().zeros(new Shape(), x.getDataType());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape out = switch (kind) {
            case AVG_POOL_2X2 -> new Shape(in.get(0), in.get(1), in.get(2) / 2, in.get(3) / 2);
            case GLOBAL_AVG_POOL -> new Shape(in.get(0), in.get(1));
            default -> in;
        };
        return new Shape[] {out};
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
