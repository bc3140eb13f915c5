package io.archforge.torch.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.archforge.torch.train.DjlRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code grasp}: the gradient-signal-preservation score of Wang, Zhang and Grosse,
 * "Picking Winning Tickets Before Training by Preserving Gradient Flow" (ICLR 2020),
 * summed over the network by Abdelfattah et al., "Zero-Cost Proxies for Lightweight
 * NAS" (ICLR 2021): {@code sum -w * (H g)} over the weights of every convolution and
 * linear layer, where g is the gradient of one batch's cross-entropy loss and H its
 * Hessian. The sign follows that evaluation, which negated the pruning score because
 * the negated form correlated positively with accuracy. Higher predicts a better
 * network, weakly: the rank correlation was 0.48 on NAS-Bench-201 CIFAR-10 there.
 *
 * <p>H g comes from differences of gradients in float64, at w and at {@code w +- e g}
 * with a step {@code e |g|} of 1e-11 times the weight norm, so three backward passes.
 * Autograd's double backward would give it exactly, but DJL 0.36 can only store the
 * recorded gradient in each weight's gradient buffer. That ties the weight and its
 * graph in a reference cycle that closing the manager does not free, and memory grew
 * by about 60 MB per network (batch of 8, CIFAR-10 input). On the network checked,
 * steps of 1e-10 to 1e-12 agreed with the double backward to 4 digits, while steps of
 * 1e-7 to 1e-9 crossed ReLU kinks and were off by orders of magnitude. When the step
 * crosses a kink anyway, the forward and backward differences disagree, so the
 * smaller one, which lacks the jump, is used. Otherwise
 * the score is their mean, the central difference.
 */
public final class GraspProxy implements ZeroCostProxy {

    /** The step along g relative to the weight norm. */
    private static final double RELATIVE_STEP = 1e-11;

    /** The relative gap between the one-sided differences that reveals a ReLU kink. */
    private static final double KINK_GAP = 1e-3;

    @Override
    public String name() {
        return "grasp";
    }

    @Override
    public boolean dataDependent() {
        return true;
    }

    @Override
    public double compute(ProxyInput input, NDManager manager) {
        Block network = input.network(manager, DataType.FLOAT64);
        List<NDArray> weights = NetworkPasses.layerWeights(network);
        NDArray images = input.batch().images(manager).toType(DataType.FLOAT64, false);
        NDArray labels = input.batch().labels(manager);

        // The gradient g and the step e along it.
        List<NDArray> gradient = gradients(network, manager, images, labels, weights);
        double gradientNorm = norm(gradient);
        if (gradientNorm == 0) {
            // The loss ignores every weight (a cell that cuts the input off): H g = 0.
            return 0;
        }
        double step = RELATIVE_STEP * norm(weights) / gradientNorm;

        // Gradients at w + e g and w - e g, then w restored.
        move(weights, gradient, step);
        List<NDArray> ahead = gradients(network, manager, images, labels, weights);
        move(weights, gradient, -2 * step);
        List<NDArray> behind = gradients(network, manager, images, labels, weights);
        move(weights, gradient, step);

        double forward = -projection(weights, ahead, gradient) / step;
        double backward = -projection(weights, gradient, behind) / step;
        double score;
        if (Math.abs(forward - backward)
                <= KINK_GAP * Math.max(Math.abs(forward), Math.abs(backward))) {
            score = (forward + backward) / 2;
        } else {
            score = Math.abs(forward) < Math.abs(backward) ? forward : backward;
        }
        return ProxyComputationException.requireFinite(name(), input, score);
    }

    /** Returns {@code sum w * (a - b)} over the layers. */
    private static double projection(List<NDArray> weights, List<NDArray> a, List<NDArray> b) {
        double total = 0;
        for (int i = 0; i < weights.size(); i++) {
            try (NDArray difference = a.get(i).sub(b.get(i));
                    NDArray product = weights.get(i).stopGradient().mul(difference)) {
                total += NetworkPasses.sum(product);
            }
        }
        return total;
    }

    /** One forward and backward pass; returns detached copies of the weight gradients. */
    private static List<NDArray> gradients(Block network, NDManager manager, NDArray images,
            NDArray labels, List<NDArray> weights) {
        return NetworkPasses.withGrad(true, () -> {
            NDArray logits = NetworkPasses.forward(network, manager, images, null);
            NetworkPasses.backward(NetworkPasses.loss(logits, labels), false);
            List<NDArray> copies = new ArrayList<>();
            for (NDArray weight : weights) {
                try (NDArray buffer = weight.getGradient()) {
                    copies.add(buffer.duplicate());
                }
                Gradients.zero(weight);
            }
            return copies;
        });
    }

    /** Adds {@code scale * direction} to the weights in place, outside autograd. */
    private static void move(List<NDArray> weights, List<NDArray> direction, double scale) {
        boolean previous = DjlRuntime.setGradMode(false);
        try {
            for (int i = 0; i < weights.size(); i++) {
                try (NDArray delta = direction.get(i).mul(scale)) {
                    weights.get(i).addi(delta);
                }
            }
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    private static double norm(List<NDArray> arrays) {
        double squares = 0;
        for (NDArray array : arrays) {
            try (NDArray square = array.square()) {
                squares += NetworkPasses.sum(square);
            }
        }
        return Math.sqrt(squares);
    }
}
