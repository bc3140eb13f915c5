package io.archforge.torch.robust;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.train.DjlRuntime;
import java.util.SplittableRandom;

/**
 * Measures a trained network's accuracy on images perturbed by an {@link Attack}, in
 * batches, in dataset order.
 *
 * <p>For a fixed seed the result repeats exactly: each batch draws from its own
 * generator, split in order from one seeded with the seed. The perturbed images are
 * classified in inference mode with autograd off, like
 * {@link io.archforge.torch.train.Trainer#accuracy}, so noise or FGSM of epsilon 0 gives
 * that clean accuracy, up to differences from the batch size that kernels may show in
 * the last bits.
 */
public final class RobustAccuracy {

    /**
     * Images per batch. One forward and backward pass of this many images keeps its
     * activations in memory at once.
     */
    public static final int STANDARD_BATCH = 100;

    private final Attack attack;
    private final int batchSize;

    /** Creates a measurement of {@code attack} in batches of {@value #STANDARD_BATCH}. */
    public RobustAccuracy(Attack attack) {
        this(attack, STANDARD_BATCH);
    }

    /**
     * Creates a measurement of {@code attack} in batches of {@code batchSize}.
     *
     * @throws IllegalArgumentException when the batch size is below 1
     */
    public RobustAccuracy(Attack attack, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got "
                    + batchSize);
        }
        this.attack = attack;
        this.batchSize = batchSize;
    }

    /** Returns the attack. */
    public Attack attack() {
        return attack;
    }

    /**
     * Returns the percentage of {@code images} that the network classifies correctly
     * after the attack.
     *
     * @param manager the manager that owns the network's parameters
     * @param seed fixes the random draws of noise and of the PGD start
     * @throws EvaluationInterruptedException when {@code context.shouldStop()} turns true
     *     between batches
     */
    public double measure(Block block, NDManager manager, ImageDataset images, long seed,
            EvaluationContext context) {
        Perturber perturber = new Perturber(attack, block, images.classCount());
        ParameterStore parameters = new ParameterStore(manager, false);
        SplittableRandom random = new SplittableRandom(seed);
        long correct = 0;
        for (int start = 0; start < images.size(); start += batchSize) {
            if (context.shouldStop()) {
                throw new EvaluationInterruptedException("robustness check of trial "
                        + context.trialNumber() + " stopped at image " + start);
            }
            int size = Math.min(batchSize, images.size() - start);
            SplittableRandom batchRandom = random.split();
            try (NDManager batch = manager.newSubManager()) {
                NDArray pixels = PixelScale.pixels(batch, images, start, size);
                NDArray labels = PixelScale.labels(batch, images, start, size);
                NDArray perturbed = perturber.perturb(pixels, labels, batchRandom);
                correct += countCorrect(block, parameters, perturbed, labels);
            }
        }
        return 100.0 * correct / images.size();
    }

    private static long countCorrect(Block block, ParameterStore parameters, NDArray pixels,
            NDArray labels) {
        boolean previous = DjlRuntime.setGradMode(false);
        try {
            NDArray logits = block.forward(parameters,
                    new NDList(PixelScale.networkInput(pixels)), false).singletonOrThrow();
            return logits.argMax(1).eq(labels).countNonzero().getLong();
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }
}
