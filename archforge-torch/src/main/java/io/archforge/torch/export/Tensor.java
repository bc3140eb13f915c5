package io.archforge.torch.export;

import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One named tensor of a safetensors file: its element type, its shape and its values as
 * little-endian bytes. Immutable: the constructor and the accessors copy the arrays.
 */
public final class Tensor {

    private final String name;
    private final TensorType type;
    private final long[] shape;
    private final byte[] data;

    /**
     * Creates a tensor.
     *
     * @param data the values in row-major order, little-endian
     * @throws IllegalArgumentException when the name is empty, a dimension is negative or
     *     the data length does not match the shape and type
     */
    public Tensor(String name, TensorType type, long[] shape, byte[] data) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.shape = shape.clone();
        this.data = data.clone();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("tensor name is empty");
        }
        long elements = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("tensor '" + name + "' has a negative"
                        + " dimension: " + Arrays.toString(shape));
            }
            elements = Math.multiplyExact(elements, dimension);
        }
        long expected = Math.multiplyExact(elements, type.byteSize());
        if (expected != data.length) {
            throw new IllegalArgumentException("tensor '" + name + "' of shape "
                    + Arrays.toString(shape) + " and type " + type + " needs " + expected
                    + " bytes, got " + data.length);
        }
    }

    /** Creates a float32 tensor from values in row-major order. */
    public static Tensor ofFloats(String name, long[] shape, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return new Tensor(name, TensorType.F32, shape, buffer.array());
    }

    public String name() {
        return name;
    }

    public TensorType type() {
        return type;
    }

    /** Returns a copy of the shape. */
    public long[] shape() {
        return shape.clone();
    }

    /** Returns the shape as DJL's {@link Shape}. */
    public Shape djlShape() {
        return new Shape(shape);
    }

    /** Returns the shape as a list, for JSON and messages. */
    public List<Long> shapeList() {
        return Arrays.stream(shape).boxed().toList();
    }

    /** Returns the number of elements. */
    public long elementCount() {
        return data.length / type.byteSize();
    }

    /** Returns the number of data bytes. */
    public int byteCount() {
        return data.length;
    }

    /** Returns a copy of the little-endian data bytes. */
    public byte[] data() {
        return data.clone();
    }

    /** Returns the data without copying, for writing; callers must not change it. */
    byte[] rawData() {
        return data;
    }

    /**
     * Returns the values of a float32 tensor in row-major order.
     *
     * @throws IllegalStateException when the tensor is of another type
     */
    public float[] floats() {
        if (type != TensorType.F32) {
            throw new IllegalStateException("tensor '" + name + "' is " + type + ", not F32");
        }
        float[] values = new float[data.length / Float.BYTES];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor tensor && name.equals(tensor.name)
                && type == tensor.type && Arrays.equals(shape, tensor.shape)
                && Arrays.equals(data, tensor.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return name + " " + type + Arrays.toString(shape);
    }
}
