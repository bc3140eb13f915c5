package io.archforge.torch.robust;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.SplittableRandom;

/**
 * Applies one {@link Attack} to batches of images for one trained network.
 *
 * <p>Pixels are float32 [batch, 1, rows, columns] on the [0, 1] scale
 * ({@link PixelScale#pixels}). The perturbed batch lies in [0, 1], and, for every attack
 * but Gaussian noise, within epsilon of the original pixel by pixel, up to float32
 * rounding. Random draws (noise, the PGD start) come from the given generator, so a
 * batch perturbs the same way for the same generator state.
 *
 * <p>Gradient attacks record autograd on the calling thread only. While
 * {@link #perturb} runs, the network's parameters are frozen, so the caller must not
 * train the network at the same time.
 */
public final class Perturber {

    private final Attack attack;
    private final Block block;
    private final int classes;

    /**
     * Creates a perturber for an initialized network with {@code classes} outputs.
     *
     * @param block the network, run in inference mode
     */
    public Perturber(Attack attack, Block block, int classes) {
        this.attack = attack;
        this.block = block;
        this.classes = classes;
    }

    /** Returns the attack. */
    public Attack attack() {
        return attack;
    }

    /**
     * Returns the perturbed copy of {@code pixels}, in the manager of {@code pixels}.
     *
     * @param labels the int64 true classes [batch], which the gradient attacks move away
     *     from
     */
    public NDArray perturb(NDArray pixels, NDArray labels, SplittableRandom random) {
        float epsilon = (float) attack.epsilon();
        if (attack instanceof Attack.GaussianNoise) {
            return pixels.add(gaussian(pixels, random).mul(epsilon)).clip(0f, 1f);
        }
        if (attack instanceof Attack.Brightness) {
            return pixels.add(epsilon).clip(0f, 1f);
        }
        if (attack instanceof Attack.Contrast) {
            long batch = pixels.getShape().get(0);
            NDArray mean = pixels.reshape(batch, -1).mean(new int[] {1})
                    .reshape(batch, 1, 1, 1);
            return pixels.sub(mean).mul(1f - epsilon).add(mean).clip(0f, 1f);
        }
        try (FrozenParameters frozen = new FrozenParameters(block)) {
            InputGradients gradients =
                    new InputGradients(block, pixels.getManager(), classes);
            if (attack instanceof Attack.Pgd pgd) {
                return pgd(pgd, gradients, pixels, labels, random);
            }
            // FGSM, the only attack left
            return pixels.add(gradients.gradientSign(pixels, labels).mul(epsilon))
                    .clip(0f, 1f);
        }
    }

    /**
     * Starts at a uniform point of the epsilon ball around {@code original}, then steps
     * along the gradient sign and projects back onto the ball and into [0, 1].
     */
    private static NDArray pgd(Attack.Pgd pgd, InputGradients gradients, NDArray original,
            NDArray labels, SplittableRandom random) {
        float epsilon = (float) pgd.epsilon();
        float step = (float) pgd.stepSize();
        NDArray lower = original.sub(epsilon).maximum(0f);
        NDArray upper = original.add(epsilon).minimum(1f);
        NDArray current = original.add(uniform(original, random).mul(epsilon))
                .maximum(lower).minimum(upper);
        for (int i = 0; i < pgd.steps(); i++) {
            NDArray next = current.add(gradients.gradientSign(current, labels).mul(step))
                    .maximum(lower).minimum(upper);
            current.close();
            current = next;
        }
        return current;
    }

    /** Creates standard normal values of the shape of {@code like}, in its manager. */
    private static NDArray gaussian(NDArray like, SplittableRandom random) {
        float[] values = new float[Math.toIntExact(like.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return create(like, values);
    }

    /** Creates values uniform in [-1, 1) of the shape of {@code like}, in its manager. */
    private static NDArray uniform(NDArray like, SplittableRandom random) {
        float[] values = new float[Math.toIntExact(like.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (2 * random.nextDouble() - 1);
        }
        return create(like, values);
    }

    private static NDArray create(NDArray like, float[] values) {
        NDManager manager = like.getManager();
        Shape shape = like.getShape();
        return manager.create(values, shape);
    }
}
