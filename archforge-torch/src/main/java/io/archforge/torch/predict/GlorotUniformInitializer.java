package io.archforge.torch.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Draws each weight of a two-dimensional parameter uniformly from {@code [-b, b]} with
 * {@code b = sqrt(6 / (fanIn + fanOut))}, the initialisation of Glorot and Bengio,
 * "Understanding the difficulty of training deep feedforward neural networks" (AISTATS
 * 2010).
 *
 * <p>Values come from a Java generator, not the engine's process-wide one, so a network
 * initialised from the same generator state gets the same weights in any thread. The
 * generator is shared by every parameter it fills, in DJL's initialisation order, which
 * is fixed for a given network.
 */
final class GlorotUniformInitializer implements Initializer {

    private final SplittableRandom random;

    GlorotUniformInitializer(SplittableRandom random) {
        this.random = random;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        if (shape.dimension() != 2) {
            throw new IllegalArgumentException("Glorot initialisation needs a matrix, got shape "
                    + shape);
        }
        double bound = Math.sqrt(6.0 / (shape.get(0) + shape.get(1)));
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        // The returned copy lives in memory that libtorch owns. The created array keeps
        // its values in a Java direct buffer, which only its Java wrapper references.
        try (NDArray source = manager.create(values, shape);
                NDArray converted = source.toType(dataType, true)) {
            return converted.duplicate();
        }
    }
}
