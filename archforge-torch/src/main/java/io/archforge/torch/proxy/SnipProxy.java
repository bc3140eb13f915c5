package io.archforge.torch.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

/**
 * {@code snip}: the connection sensitivity of Lee, Ajanthan and Torr, "SNIP:
 * Single-shot Network Pruning based on Connection Sensitivity" (ICLR 2019), summed over
 * the network as in Abdelfattah et al., "Zero-Cost Proxies for Lightweight NAS" (ICLR
 * 2021): {@code sum |w * dL/dw|} over the weights of every convolution and linear
 * layer, for the cross-entropy loss L of one batch. Higher predicts a better network.
 */
public final class SnipProxy implements ZeroCostProxy {

    @Override
    public String name() {
        return "snip";
    }

    @Override
    public boolean dataDependent() {
        return true;
    }

    @Override
    public double compute(ProxyInput input, NDManager manager) {
        Block network = input.network(manager);
        double score = NetworkPasses.withGrad(true, () -> {
            NDArray logits = NetworkPasses.forward(network, manager,
                    input.batch().images(manager), null);
            NetworkPasses.backward(
                    NetworkPasses.loss(logits, input.batch().labels(manager)), false);
            return NetworkPasses.weightTimesGradient(NetworkPasses.layerWeights(network));
        });
        return ProxyComputationException.requireFinite(name(), input, score);
    }
}
