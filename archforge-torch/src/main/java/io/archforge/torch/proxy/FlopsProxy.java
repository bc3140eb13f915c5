package io.archforge.torch.proxy;

import ai.djl.ndarray.NDManager;
import io.archforge.torch.nb201.NetworkCost;

/**
 * {@code flops}: floating-point operations of one forward pass on one image, in
 * millions, counted as {@link NetworkCost} does. Higher predicts a better network: rank
 * correlation 0.75 with NAS-Bench-201 CIFAR-10 test accuracy (Abdelfattah et al.,
 * "Zero-Cost Proxies for Lightweight NAS", ICLR 2021). Needs no data.
 */
public final class FlopsProxy implements ZeroCostProxy {

    @Override
    public String name() {
        return "flops";
    }

    @Override
    public boolean dataDependent() {
        return false;
    }

    @Override
    public double compute(ProxyInput input, NDManager manager) {
        NetworkCost cost = NetworkCost.of(input.network(manager),
                input.input().batchShape(1));
        return cost.megaFlops();
    }
}
