package io.archforge.torch.proxy;

/**
 * A proxy produced no usable number for an architecture: NaN, an infinity or an
 * overflow. The caller should record the evaluation as failed rather than rank by it.
 */
public final class ProxyComputationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProxyComputationException(String message) {
        super(message);
    }

    /**
     * Returns {@code value} when it is finite, else raises naming the proxy, the
     * architecture and the value.
     */
    static double requireFinite(String proxy, ProxyInput input, double value) {
        if (!Double.isFinite(value)) {
            throw new ProxyComputationException("proxy " + proxy + " gives " + value + " for "
                    + input.architecture().text() + " (seed " + input.seed()
                    + "); record this evaluation as failed");
        }
        return value;
    }
}
