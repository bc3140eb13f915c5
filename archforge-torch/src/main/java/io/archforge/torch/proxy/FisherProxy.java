package io.archforge.torch.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.archforge.torch.nb201.ForwardProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fisher}: the Fisher-information channel saliency of Theis, Korshunova, Tejani
 * and Huszár, "Faster gaze prediction with dense networks and Fisher pruning" (2018),
 * as used for architecture search by Turner, Crowley, O'Boyle, Storkey and Gray,
 * "BlockSwap: Fisher-guided Block Substitution for Network Compression on a Budget"
 * (ICLR 2020) and summed over the network by Abdelfattah et al., "Zero-Cost Proxies for
 * Lightweight NAS" (ICLR 2021). Higher predicts a better network.
 *
 * <p>For the output a of each convolution and linear layer and the gradient g of one
 * batch's cross-entropy loss with respect to it, a channel k scores {@code 0.5 *
 * mean_n (sum_xy a * g)^2} over the images n. As in that evaluation, each channel's
 * score counts once per weight that feeds the channel (input channels times kernel
 * area), and the proxy is the sum over all layers.
 */
public final class FisherProxy implements ZeroCostProxy {

    @Override
    public String name() {
        return "fisher";
    }

    @Override
    public boolean dataDependent() {
        return true;
    }

    @Override
    public double compute(ProxyInput input, NDManager manager) {
        Block network = input.network(manager);
        Recorder recorder = new Recorder(manager);
        double score = NetworkPasses.withGrad(true, () -> {
            NDArray logits = NetworkPasses.forward(network, manager,
                    input.batch().images(manager), recorder.asParams());
            NetworkPasses.backward(
                    NetworkPasses.loss(logits, input.batch().labels(manager)), false);
            return recorder.saliency();
        });
        return ProxyComputationException.requireFinite(name(), input, score);
    }

    /** Adds a zero array to each layer output, so that its gradient is the output's. */
    private static final class Recorder implements ForwardProbe {
        private final NDManager manager;
        private final List<NDArray> outputs = new ArrayList<>();
        private final List<NDArray> probes = new ArrayList<>();
        private final List<Long> weightsPerUnit = new ArrayList<>();

        Recorder(NDManager manager) {
            this.manager = manager;
        }

        @Override
        public NDArray afterLayer(NDArray output, long weights) {
            NDArray probe = manager.zeros(output.getShape(), output.getDataType());
            probe.setRequiresGradient(true);
            outputs.add(output);
            probes.add(probe);
            weightsPerUnit.add(weights);
            return output.add(probe);
        }

        double saliency() {
            double total = 0;
            for (int i = 0; i < outputs.size(); i++) {
                NDArray output = outputs.get(i);
                try (NDArray gradient = probes.get(i).getGradient();
                        NDArray product = output.mul(gradient);
                        NDArray perChannel = output.getShape().dimension() > 2
                                ? product.sum(new int[] {2, 3}) : product.duplicate();
                        NDArray squared = perChannel.square();
                        NDArray mean = squared.mean(new int[] {0})) {
                    total += 0.5 * NetworkPasses.sum(mean) * weightsPerUnit.get(i);
                }
            }
            return total;
        }
    }
}
