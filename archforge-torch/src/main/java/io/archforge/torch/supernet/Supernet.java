package io.archforge.torch.supernet;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.torch.data.ImageDataset;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A network whose weights every architecture of a space shares (a one-shot supernet).
 *
 * <p>{@link #select} routes the following forward passes of {@link #block()} through
 * the operations of one architecture, so the block then computes that architecture's
 * network with the shared weights. A supernet is not safe for concurrent use.
 */
public interface Supernet extends AutoCloseable {

    /** Returns the space whose architectures the supernet holds. */
    SearchSpace space();

    /** Returns the DJL block that holds every shared weight. */
    Block block();

    /** Returns the manager that owns the block's parameters. */
    NDManager manager();

    /**
     * Routes the next forward passes through {@code architecture}.
     *
     * @throws IllegalArgumentException when the architecture is not of {@link #space()}
     */
    void select(Architecture architecture);

    /** Returns the architecture the forward passes use now. */
    Architecture selected();

    /** Draws one path uniformly, as single-path one-shot training does (Guo et al., 2020). */
    Architecture sample(RandomGenerator random);

    /**
     * Draws a set of paths in which every choice takes each of its values equally often,
     * as strict fairness requires (Chu et al., 2021). One training step accumulates the
     * gradients of all of them before one update.
     */
    List<Architecture> fairPaths(RandomGenerator random);

    /**
     * Re-estimates the batch-norm statistics of the selected path from {@code calibration},
     * in batches of {@code batchSize}, so that inference with the inherited weights uses
     * statistics of this path and not of the mixture of paths that trained them. The
     * default recalibrates every DJL {@code BatchNorm} of the block ({@link
     * BatchNormCalibration}); a supernet with batch norms of its own overrides it.
     */
    default void recalibrate(ImageDataset calibration, int batchSize) {
        BatchNormCalibration.recalibrate(block(), manager(), calibration, batchSize);
    }

    /** Frees the parameters. */
    @Override
    void close();
}
