package io.archforge.hardware;

import java.util.Objects;

/**
 * Follows the activation tensors of one forward pass to find the peak of bytes alive
 * at one time.
 *
 * <p>A tensor is alive from {@link #allocate} until its last reference is released.
 * Each holder of a tensor owns one reference: an operation that returns its input
 * unchanged (an identity) {@link #retain retains} it instead of allocating. The peak
 * is taken at each allocation, when the new tensor and every tensor still referenced
 * are alive together, so the inputs of an operation count alongside its output.
 *
 * <p>Instances are not thread-safe.
 */
public final class ActivationLedger {

    private long liveBytes;
    private long peakBytes;
    private long allocatedBytes;

    /** A tensor of the pass; compared by identity. */
    public static final class Tensor {
        private final long bytes;
        private int references = 1;

        private Tensor(long bytes) {
            this.bytes = bytes;
        }

        /** Returns the size of the tensor, in bytes. */
        public long bytes() {
            return bytes;
        }
    }

    /**
     * Allocates a tensor of {@code bytes} with one reference, owned by the caller.
     *
     * @throws IllegalArgumentException when bytes is negative
     */
    public Tensor allocate(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("tensor size must be non-negative, got " + bytes);
        }
        liveBytes += bytes;
        allocatedBytes += bytes;
        peakBytes = Math.max(peakBytes, liveBytes);
        return new Tensor(bytes);
    }

    /** Adds a reference to a live tensor, for a holder that shares it. */
    public void retain(Tensor tensor) {
        requireLive(tensor);
        tensor.references++;
    }

    /** Drops one reference; the tensor is freed with its last one. */
    public void release(Tensor tensor) {
        requireLive(tensor);
        tensor.references--;
        if (tensor.references == 0) {
            liveBytes -= tensor.bytes;
        }
    }

    /** Returns the bytes of the tensors alive now. */
    public long liveBytes() {
        return liveBytes;
    }

    /** Returns the largest {@link #liveBytes()} so far. */
    public long peakBytes() {
        return peakBytes;
    }

    /** Returns the bytes of every tensor allocated so far, each counted once. */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    /** Returns the estimate for this pass with {@code parameterBytes} of parameters. */
    public MemoryEstimate estimate(long parameterBytes) {
        return new MemoryEstimate(parameterBytes, peakBytes, allocatedBytes);
    }

    private static void requireLive(Tensor tensor) {
        Objects.requireNonNull(tensor, "tensor");
        if (tensor.references <= 0) {
            throw new IllegalStateException("tensor of " + tensor.bytes
                    + " bytes is already freed; retain it before its last release");
        }
    }
}
