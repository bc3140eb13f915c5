package io.archforge.torch.darts;

import io.archforge.torch.nb201.Nb201Skeleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memory planning for a differentiable search: it estimates the memory before the search
 * starts, and lowers the batch size, or rejects the settings, when the estimate does not
 * fit.
 *
 * <p>The estimate counts float32 tensors. For every image it counts the activations that
 * autograd keeps in a training step, doubled for the gradients of the backward pass.
 * Each edge of a mixed cell keeps three tensors for each convolution path, one for
 * pooling, and one weighted term for each computed operation, and each cell keeps its
 * node sums. Under Gumbel sampling an edge computes one operation. For the weights it
 * counts the values, their gradients and the momentum, plus three more copies for
 * second-order search. It is a planning estimate, not a bound, and
 * {@link DartsResult#peakResidentMb()} records the measured peak to compare it with.
 */
public final class MemoryPlan {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryPlan.class);
    private static final double BYTES_PER_MB = 1e6;
    private static final double FLOAT_BYTES = 4;
    /** Share of the available memory that a search plans to use. */
    private static final double USABLE_SHARE = 0.8;

    private MemoryPlan() {
    }

    /** Estimates the peak memory of a training step, in MB. */
    public static double estimateMb(DartsSettings settings, int imageSide, int imageChannels,
            long parameters, int batchSize) {
        Nb201Skeleton skeleton = settings.skeleton();
        double perImage = 2.0 * imageChannels * imageSide * imageSide;
        int side = imageSide;
        double edgeTensors = settings.relaxation() == DartsSettings.Relaxation.GUMBEL ? 4
                : 3 + 3 + 1 + 4;
        for (int stage = 0; stage < Nb201Skeleton.STAGES; stage++) {
            double map = (double) skeleton.stageChannels(stage) * side * side;
            if (stage > 0) {
                perImage += 8 * map;
            } else {
                perImage += 3 * map;
            }
            double part = map / settings.partialChannels();
            double shuffle = settings.partialChannels() > 1 ? 2 * map : 0;
            perImage += skeleton.cellsPerStage() * (6 * (edgeTensors * part + shuffle) + 3 * map);
            side /= 2;
        }
        double activations = 2 * perImage * batchSize * FLOAT_BYTES;
        double copies = settings.order() == 2 ? 6 : 3;
        double weights = copies * parameters * FLOAT_BYTES;
        return (activations + weights) / BYTES_PER_MB;
    }

    /**
     * Returns the settings with the largest batch size, at most the requested one and
     * halved as often as needed, whose estimate fits the memory limit.
     *
     * @throws SearchMemoryException when even {@link DartsSettings#MIN_BATCH} images do
     *     not fit, naming the estimate, the limit and the fix
     */
    public static DartsSettings fit(DartsSettings settings, int imageSide, int imageChannels,
            long parameters) {
        double limit = limitMb(settings);
        int batch = settings.batchSize();
        double estimate = estimateMb(settings, imageSide, imageChannels, parameters, batch);
        while (estimate > limit && batch / 2 >= DartsSettings.MIN_BATCH) {
            batch /= 2;
            estimate = estimateMb(settings, imageSide, imageChannels, parameters, batch);
        }
        if (estimate > limit) {
            throw new SearchMemoryException(String.format(Locale.ROOT,
                    "the search needs about %.0f MB even at batch %d, but only %.0f MB are"
                            + " usable. Use fewer channels, partial channels"
                            + " (partial_channels=4) or first-order search, or raise"
                            + " memory_limit_mb",
                    estimate, batch, limit));
        }
        if (batch != settings.batchSize()) {
            LOG.warn("Lowered the batch size from {} to {}: about {} MB fits the usable {} MB",
                    settings.batchSize(), batch, Math.round(estimate), Math.round(limit));
        } else {
            LOG.info("Memory plan: about {} MB at batch {}, {} MB usable", Math.round(estimate),
                    batch, Math.round(limit));
        }
        return settings.withBatchSize(batch);
    }

    /** Returns the memory limit in MB: the setting, else 80% of the available memory. */
    static double limitMb(DartsSettings settings) {
        if (settings.memoryLimitMb() > 0) {
            return settings.memoryLimitMb();
        }
        OptionalDouble available = availableMb();
        // NOTE: the JVM's maximum heap does not bound native tensor memory, so this
        // fallback, used only where /proc/meminfo is missing, is a rough guess.
        double fallback = Runtime.getRuntime().maxMemory() / BYTES_PER_MB;
        return USABLE_SHARE * available.orElse(fallback);
    }

    /** Reads MemAvailable from /proc/meminfo, in MB, when the file exists. */
    static OptionalDouble availableMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    String[] fields = line.trim().split("\\s+");
                    return OptionalDouble.of(Double.parseDouble(fields[1]) * 1024 / BYTES_PER_MB);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Failed to read /proc/meminfo, so the plan uses the JVM's maximum heap:"
                    + " {}", e.toString());
        }
        return OptionalDouble.empty();
    }
}
