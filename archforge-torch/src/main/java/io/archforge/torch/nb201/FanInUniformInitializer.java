package io.archforge.torch.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Draws each value uniformly from {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]}, the default
 * of PyTorch's {@code Conv2d} and {@code Linear} (Kaiming uniform with {@code a =
 * sqrt(5)}), with which NAS-Bench-201 networks start.
 *
 * <p>Values come from a Java generator, not the engine's global one, so a network
 * initialised from the same seed gets the same weights in any thread. The generator is
 * shared by every parameter it fills, in DJL's initialisation order, which is fixed for
 * a given network.
 */
final class FanInUniformInitializer implements Initializer {

    private final SplittableRandom random;
    private final long fanIn;
    private final boolean absolute;

    /**
     * Creates an initializer.
     *
     * @param random the shared generator
     * @param fanIn the fan-in, or 0 to take it from the shape: all dimensions after the
     *     first (output channels or units)
     * @param absolute whether to store the absolute value of each draw
     */
    FanInUniformInitializer(SplittableRandom random, long fanIn, boolean absolute) {
        this.random = random;
        this.fanIn = fanIn;
        this.absolute = absolute;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long fan = fanIn > 0 ? fanIn : shape.size() / shape.get(0);
        double bound = 1.0 / Math.sqrt(fan);
        double[] values = new double[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            double value = (2 * random.nextDouble() - 1) * bound;
            values[i] = absolute ? Math.abs(value) : value;
        }
        // The returned copy lives in memory that libtorch owns. DJL would otherwise keep
        // the parameter in a Java direct buffer that only its wrapper object holds.
        try (NDArray source = manager.create(values, shape);
                NDArray converted = source.toType(dataType, true)) {
            return converted.duplicate();
        }
    }
}
