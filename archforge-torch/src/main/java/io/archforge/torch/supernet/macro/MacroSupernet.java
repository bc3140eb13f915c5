package io.archforge.torch.supernet.macro;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.MacroSpace;
import io.archforge.space.SearchSpace;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.supernet.Supernet;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An elastic supernet of the {@code macro} space in the style of Once-for-All (Cai et al.,
 * 2020): one network in the largest form of every stage contains all weights, and each
 * architecture runs on slices of them.
 *
 * <p>The largest form has, per stage, depth 3, width 64, kernel 5 and expansion 4. A
 * selected architecture uses, in each layer, the first {@code width} output channels, the
 * first {@code width * expansion} hidden channels (the block's input channels when the
 * expansion is 1), the centre {@code kernel x kernel} window of each 5x5 depthwise filter
 * and the first {@code depth} blocks of each stage.
 * Once-for-All also passes the centre of a large kernel through a learned transformation,
 * which this supernet leaves out. Layout, stem stride and residual rule are those of
 * {@code MacroNetworkBuilder}, so a selected sub-network computes the same function as
 * that builder's network of the architecture would with these weights, and has as many
 * trainable values as that network (see {@link #selectedParameterCount}).
 *
 * <p>Slices are views of the full parameters, so a backward pass writes gradients into
 * the used slices and leaves the rest zero. A parameter that the selected architecture
 * does not use at all gets no gradient. Batch norm normalizes with batch statistics in
 * training mode, and with running statistics in inference mode. Running statistics are
 * shared by all architectures, so re-estimate them with {@link #recalibrate} after each
 * {@link #select} and before inference. NOTE: the batch norm layers are not DJL {@code
 * BatchNorm} blocks, so code that recalibrates by searching a block for {@code BatchNorm}
 * children finds none here and leaves stale statistics.
 *
 * <p>The block is initialized when the supernet is built, so a trainer can call
 * {@code block().forward} right away. Each used parameter is read through {@code
 * ParameterStore.getValue}, and parameters of blocks the selected architecture skips are
 * not read at all. NOTE: an optimizer step on a whole parameter still applies weight decay
 * and momentum to its unused slices, because this supernet does not mask them. Not safe
 * for concurrent use.
 */
public final class MacroSupernet implements Supernet {
    /** The calibration batch size {@link #accuracy} uses. */
    public static final int CALIBRATION_BATCH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(MacroSupernet.class);
    private static final ChoiceSpace SPACE = MacroSpace.create();

    private final NDManager manager;
    private final ElasticMacroNetwork network;
    private final String description;
    private Architecture selected;

    /**
     * Builds the supernet with freshly initialized weights in a new manager, and selects
     * {@link #largest()}.
     *
     * @param classes the number of output logits, at least 2
     * @param stemStride 1 to keep the input resolution in stage 1, 2 to halve it
     * @param input the input shape {@code [batch, channels, rows, columns]}, with any batch
     *     size
     * @param seed the seed of the engine's random generator for the initial weights
     * @throws IllegalArgumentException when an argument is out of range
     */
    public MacroSupernet(int classes, int stemStride, Shape input, long seed) {
        Objects.requireNonNull(input, "input");
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got "
                    + classes);
        }
        if (stemStride < 1 || stemStride > 2) {
            throw new IllegalArgumentException("stem stride must be 1 or 2, got " + stemStride);
        }
        if (input.dimension() != 4) {
            throw new IllegalArgumentException("input shape must be [batch, channels, rows,"
                    + " columns], got " + input);
        }
        List<MacroSpace.StageSpec> largest = MacroSpace.stages(largest());
        this.network = new ElasticMacroNetwork((int) input.get(1), classes, stemStride,
                largest);
        this.manager = DjlRuntime.engine().newBaseManager();
        try {
            Trainer.initialize(network, manager, input, seed);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.selected = largest();
        this.description = "macro supernet: " + classes + " classes, stem stride " + stemStride
                + ", input " + input;
    }

    /**
     * Returns the architecture whose every choice takes its last value: depth 3, width
     * 64, kernel 5, expansion 4 and residual on in each stage. Its sub-network uses every
     * weight of the supernet.
     */
    public static Architecture largest() {
        List<Integer> genes = new ArrayList<>();
        for (Choice choice : SPACE.choices()) {
            List<Integer> values = FairPaths.values(choice);
            genes.add(values.get(values.size() - 1));
        }
        return SPACE.of(genes);
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public Block block() {
        return network;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public void select(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(SPACE.name())) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is of space '" + architecture.space() + "', not '" + SPACE.name()
                    + "'");
        }

        // Rebuilding from the genes validates each of them
        Architecture checked = SPACE.of(architecture.genes());
        network.activate(MacroSpace.stages(checked));
        selected = checked;
    }

    @Override
    public Architecture selected() {
        return selected;
    }

    /** Draws each choice uniformly and independently. */
    @Override
    public Architecture sample(RandomGenerator random) {
        return SPACE.sample(random);
    }

    /**
     * Draws 6 paths in which each value of each choice appears equally often: the least
     * common multiple of the value counts 3, 6, 2, 3 and 2 (see {@link FairPaths}).
     */
    @Override
    public List<Architecture> fairPaths(RandomGenerator random) {
        return FairPaths.draw(SPACE, random);
    }

    /**
     * Returns the number of trainable values the selected sub-network uses: the used
     * slices of the convolution and linear weights, the linear bias, and the scale and
     * shift of the used batch-norm channels. Running statistics are not counted.
     */
    public long selectedParameterCount() {
        return network.activeParameters();
    }

    /**
     * Re-estimates the batch-norm running statistics for the selected architecture.
     *
     * <p>The procedure: set the running mean of every channel of every batch norm layer to
     * 0 and the running variance to 1; then, with autograd off, run the selected
     * sub-network in training mode on {@code calibration} in dataset order, in batches of
     * {@code batchSize}, skipping a trailing batch of one image. Each layer normalizes with
     * the batch's statistics, as in training. After each batch, it sets its running mean to
     * the size-weighted mean of the batch means so far, and its running variance to the
     * size-weighted mean of the unbiased batch variances so far. Weights do not change. Afterwards,
     * inference-mode passes of this architecture are deterministic and do not depend on
     * the composition of the batch. Statistics of layers and channels the architecture
     * does not use stay at 0 and 1.
     *
     * @param calibration images to estimate from, such as a few thousand training images;
     *     at least 2
     * @param batchSize images per calibration batch, at least 2; the training batch size is
     *     a sound choice
     * @throws IllegalArgumentException when there are fewer than 2 images or the batch
     *     size is below 2
     */
    @Override
    public void recalibrate(ImageDataset calibration, int batchSize) {
        Objects.requireNonNull(calibration, "calibration");
        if (batchSize < 2) {
            throw new IllegalArgumentException("calibration batch size must be at least 2, got "
                    + batchSize);
        }
        if (calibration.size() < 2) {
            throw new IllegalArgumentException("calibration needs at least 2 images, got "
                    + calibration.size());
        }
        long start = System.nanoTime();
        int used = SubnetEvaluation.recalibrate(network, manager, calibration, batchSize);
        LOG.debug("Recalibrated batch norm of {} on {} images in {} ms", selected, used,
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Selects {@code architecture}, recalibrates batch norm on {@code calibration} in
     * batches of {@link #CALIBRATION_BATCH}, and returns the percentage of {@code
     * validation} that the sub-network classifies correctly in inference mode. The
     * architecture stays selected.
     *
     * @throws IllegalArgumentException when the architecture is not of the macro space or
     *     the calibration set has fewer than 2 images
     */
    public double accuracy(Architecture architecture, ImageDataset calibration,
            ImageDataset validation) {
        Objects.requireNonNull(validation, "validation");
        select(architecture);
        recalibrate(calibration, CALIBRATION_BATCH);
        return SubnetEvaluation.accuracy(network, manager, validation);
    }

    /** Returns the classes, stem stride and input shape, for logs and provenance. */
    @Override
    public String toString() {
        return description;
    }

    /** Frees the parameters. Closing twice does nothing more. */
    @Override
    public void close() {
        manager.close();
    }
}
