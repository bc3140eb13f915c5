package io.archforge.eval;

import java.util.Objects;

/**
 * Watches the training loss of one run, batch by batch, and throws
 * {@link TrainingDivergedException} once the training has diverged: a loss that is NaN
 * or infinite, or one more than {@value #MAX_RISE} times the first batch's loss (or
 * times 1, when the first loss was below 1). Cross-entropy starts near the logarithm of
 * the class count and mean squared error of standardised targets near 1, and neither
 * rises a hundredfold in a training that still learns.
 *
 * <p>Floating-point overflow does not always reach the loss: a log-softmax keeps the
 * loss of huge logits finite, so a graph network trained at a learning rate of 1e9
 * reports losses near 1e8 rather than NaN. The rise rule catches those.
 *
 * <p>Not thread-safe: one monitor per training run.
 */
public final class DivergenceMonitor {

    /** How many times the first batch's loss a later batch may reach. */
    public static final double MAX_RISE = 100;

    /** The fix named by default: the command line's learning rate. */
    public static final String LEARNING_RATE_FIX = "lower --learning-rate";

    private final String fix;
    private double first = Double.NaN;

    /** Creates a monitor whose exceptions name the fix {@value #LEARNING_RATE_FIX}. */
    public DivergenceMonitor() {
        this(LEARNING_RATE_FIX);
    }

    /**
     * Creates a monitor whose exceptions name {@code fix}, for trainings whose learning
     * rate does not come from {@code --learning-rate}.
     */
    public DivergenceMonitor(String fix) {
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    /**
     * Checks the loss of one batch.
     *
     * @param epoch the epoch, from 1
     * @param batch the batch within the epoch, from 1
     * @return {@code loss}
     * @throws TrainingDivergedException when the training has diverged
     */
    public double check(double loss, int epoch, int batch) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(epoch, batch, loss, "", fix);
        }
        if (Double.isNaN(first)) {
            first = loss;
        } else if (loss > MAX_RISE * Math.max(first, 1.0)) {
            throw new TrainingDivergedException(epoch, batch, loss, ", over "
                    + Math.round(MAX_RISE) + " times the first batch's " + first, fix);
        }
        return loss;
    }
}
