package io.archforge.torch.proxy;

import ai.djl.ndarray.NDManager;
import io.archforge.torch.train.DjlRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes proxies one after another, each in its own sub-manager that is closed
 * before the next starts, so that memory stays flat over thousands of networks. Not
 * thread-safe; use one runner per thread.
 */
public final class ProxyRunner implements AutoCloseable {

    private final NDManager base;

    /** Starts the engine if needed and opens the base manager. */
    public ProxyRunner() {
        DjlRuntime.engine();
        base = NDManager.newBaseManager();
    }

    /**
     * Computes one proxy.
     *
     * @throws ProxyComputationException when the score is NaN or infinite
     */
    public ProxyScore score(ZeroCostProxy proxy, ProxyInput input) {
        long start = System.nanoTime();
        double value;
        try (NDManager manager = base.newSubManager()) {
            value = proxy.compute(input, manager);
        }
        return new ProxyScore(proxy.name(), value, (System.nanoTime() - start) / 1e6);
    }

    /** Computes each proxy in order; the first failure propagates. */
    public List<ProxyScore> scoreAll(List<ZeroCostProxy> proxies, ProxyInput input) {
        List<ProxyScore> scores = new ArrayList<>();
        for (ZeroCostProxy proxy : proxies) {
            scores.add(score(proxy, input));
        }
        return scores;
    }

    @Override
    public void close() {
        base.close();
    }
}
