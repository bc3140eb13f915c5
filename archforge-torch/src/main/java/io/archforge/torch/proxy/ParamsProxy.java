package io.archforge.torch.proxy;

import ai.djl.ndarray.NDManager;
import io.archforge.torch.nb201.NetworkCost;

/**
 * {@code params}: trainable parameters of the network, in millions. Higher predicts a
 * better network: on NAS-Bench-201 CIFAR-10 its rank correlation with test accuracy is
 * 0.75 (Abdelfattah et al., "Zero-Cost Proxies for Lightweight NAS", ICLR 2021), as
 * high as any proxy there. Needs no data.
 */
public final class ParamsProxy implements ZeroCostProxy {

    @Override
    public String name() {
        return "params";
    }

    @Override
    public boolean dataDependent() {
        return false;
    }

    @Override
    public double compute(ProxyInput input, NDManager manager) {
        NetworkCost cost = NetworkCost.of(input.network(manager),
                input.input().batchShape(1));
        return cost.megaParams();
    }
}
