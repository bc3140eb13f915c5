package io.archforge.torch.supernet.macro;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A linear layer with a fixed number of outputs that reads the first {@code in} of its
 * {@code maxIn} input features. The full weight has DJL's shape {@code [units, maxIn]},
 * and the active form uses its first {@code in} columns and the whole bias.
 */
final class ElasticLinear extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int maxIn;
    private final int units;
    private final Parameter weight;
    private final Parameter bias;

    private int in;

    ElasticLinear(int maxIn, int units) {
        super(VERSION);
        this.maxIn = maxIn;
        this.units = units;
        this.weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(units, maxIn))
                .build());
        this.bias = addParameter(Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(units))
                .build());
        this.in = maxIn;
    }

    /**
     * Sets the number of input features read.
     *
     * @throws IllegalArgumentException when it is not between 1 and the full width
     */
    void activate(int inFeatures) {
        if (inFeatures < 1 || inFeatures > maxIn) {
            throw new IllegalArgumentException("a linear layer reading " + inFeatures
                    + " features is invalid; the full width is " + maxIn);
        }
        this.in = inFeatures;
    }

    /** Returns the used slice of the weight and the whole bias. */
    List<ParameterSlice> activeSlices() {
        return List.of(new ParameterSlice(weight, activeSlice()),
                new ParameterSlice(bias, new NDIndex().addSliceDim(0, units)));
    }

    private NDIndex activeSlice() {
        return new NDIndex().addSliceDim(0, units).addSliceDim(0, in);
    }

    /** Returns the number of weights and biases the active form uses. */
    long activeParameters() {
        return (long) units * in + units;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        NDArray full = parameterStore.getValue(weight, input.getDevice(), training);
        NDArray active = full.get(input.getManager(), activeSlice());
        NDArray offset = parameterStore.getValue(bias, input.getDevice(), training);
        return Linear.linear(input, active, offset);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), units)};
    }
}
