package io.archforge.torch.proxy;

import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import java.util.Objects;

/**
 * A {@link ProxyScorer} that computes one zero-cost proxy on the untrained
 * NAS-Bench-201 network of each cell, from one fixed batch and weight seed, so a
 * search can screen cells or feed the proxy to a surrogate. Calls are serialised,
 * because a {@link ProxyRunner} serves one thread at a time.
 */
public final class NetworkProxyScorer implements ProxyScorer, AutoCloseable {

    private final ZeroCostProxy proxy;
    private final ProxyBatch batch;
    private final long seed;
    private final ProxyRunner runner = new ProxyRunner();

    /**
     * @param proxy the proxy to compute
     * @param batch the images and labels for data-dependent proxies, which also fix the
     *     network's input shape
     * @param seed the seed of the untrained weights
     */
    public NetworkProxyScorer(ZeroCostProxy proxy, ProxyBatch batch, long seed) {
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.batch = Objects.requireNonNull(batch, "batch");
        this.seed = seed;
    }

    @Override
    public String name() {
        return proxy.name();
    }

    /**
     * Computes the proxy on the cell's network.
     *
     * @throws ArithmeticException when the proxy is NaN or infinite for this cell
     */
    @Override
    public synchronized double score(Architecture architecture) {
        try {
            return runner.score(proxy, new ProxyInput(architecture, batch, seed)).value();
        } catch (ProxyComputationException e) {
            ArithmeticException failure = new ArithmeticException(e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public synchronized void close() {
        runner.close();
    }
}
