package io.archforge.torch.export;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The element types this package reads and writes in safetensors files, little-endian. */
public enum TensorType {
    /** 32-bit IEEE 754 float, the type of every network parameter. */
    F32(4),
    /** 64-bit IEEE 754 float. */
    F64(8),
    /** 64-bit signed integer, as PyTorch stores {@code num_batches_tracked}. */
    I64(8);

    private final int byteSize;

    TensorType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /**
     * Returns the type of a safetensors {@code dtype} code, such as {@code F32}.
     *
     * @throws IllegalArgumentException naming the supported codes
     */
    public static TensorType parse(String code) {
        for (TensorType type : values()) {
            if (type.name().equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unsupported safetensors dtype '" + code
                + "'; supported: " + Arrays.stream(values()).map(Enum::name)
                        .collect(Collectors.joining(", ")));
    }
}
