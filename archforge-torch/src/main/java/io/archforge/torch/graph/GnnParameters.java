package io.archforge.torch.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The trainable arrays of a graph network by unique name, created with gradients on.
 * Weights start Glorot-uniform (Glorot and Bengio, AISTATS 2010) from a seeded
 * generator, so the same seed gives the same initial network; biases start at zero.
 */
public final class GnnParameters {

    private final NDManager manager;
    private final SplittableRandom random;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    /** Creates an empty set whose arrays belong to {@code manager}. */
    public GnnParameters(NDManager manager, long seed) {
        this.manager = manager;
        this.random = new SplittableRandom(seed);
    }

    /** Creates a Glorot-uniform weight of {@code shape}; the last two axes are fan-in and out. */
    public NDArray weight(String name, Shape shape) {
        long fanIn = shape.get(shape.dimension() - 2);
        long fanOut = shape.get(shape.dimension() - 1);
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
        return register(name, manager.create(values, shape));
    }

    /** Creates a zero bias of {@code size} values. */
    public NDArray bias(String name, long size) {
        return register(name, manager.zeros(new Shape(size)));
    }

    private NDArray register(String name, NDArray array) {
        if (arrays.containsKey(name)) {
            throw new IllegalStateException("parameter '" + name + "' is created twice");
        }
        array.setRequiresGradient(true);
        arrays.put(name, array);
        return array;
    }

    /** Returns the arrays by name, in creation order. */
    public Map<String, NDArray> arrays() {
        return Collections.unmodifiableMap(arrays);
    }

    /** Returns the number of trainable values. */
    public long count() {
        return arrays.values().stream().mapToLong(NDArray::size).sum();
    }
}
