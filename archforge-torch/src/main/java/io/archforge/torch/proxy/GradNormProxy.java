package io.archforge.torch.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

/**
 * {@code grad_norm}: the sum, over every convolution and linear layer, of the Euclidean
 * norm of the gradient of one batch's cross-entropy loss with respect to the layer's
 * weights, as defined by Abdelfattah et al., "Zero-Cost Proxies for Lightweight NAS"
 * (ICLR 2021). Higher predicts a better network.
 */
public final class GradNormProxy implements ZeroCostProxy {

    @Override
    public String name() {
        return "grad_norm";
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
            double total = 0;
            for (NDArray weight : NetworkPasses.layerWeights(network)) {
                try (NDArray gradient = weight.getGradient();
                        NDArray squares = gradient.square()) {
                    total += Math.sqrt(NetworkPasses.sum(squares));
                }
            }
            return total;
        });
        return ProxyComputationException.requireFinite(name(), input, score);
    }
}
