package io.archforge.hardware;

/**
 * Estimated memory of one batch-1 inference, in bytes, with float32 values.
 *
 * <p>The estimate assumes a runtime that allocates every operation's output as a new
 * tensor and frees each tensor right after its last reader has run, as {@link
 * ActivationLedger} tracks it. Eager frameworks keep tensors longer, so a measured
 * figure is usually higher.
 *
 * @param parameterBytes bytes of every parameter array the forward pass reads, batch-norm
 *     running statistics included
 * @param peakActivationBytes the largest sum of bytes of activation tensors alive at one
 *     time, the input image included
 * @param activationBytes bytes of every activation tensor the forward pass writes, the
 *     input included, each counted once
 */
public record MemoryEstimate(long parameterBytes, long peakActivationBytes,
        long activationBytes) {

    public MemoryEstimate {
        if (parameterBytes < 0 || peakActivationBytes < 0
                || activationBytes < peakActivationBytes) {
            throw new IllegalArgumentException("need 0 <= parameter bytes and 0 <= peak"
                    + " activation bytes <= activation bytes, got " + parameterBytes + ", "
                    + peakActivationBytes + " and " + activationBytes);
        }
    }

    /** Parameter bytes plus peak activation bytes. */
    public long peakBytes() {
        return parameterBytes + peakActivationBytes;
    }

    /** {@link #peakBytes()} in MB of 10^6 bytes. */
    public double megabytes() {
        return peakBytes() / HardwareMetrics.BYTES_PER_MB;
    }
}
