package io.archforge.eval;

/**
 * Thrown by a trainer whose training loss turned NaN or infinite or exploded (see
 * {@link DivergenceMonitor}), so that the trial fails at once instead of training on
 * and reporting the metrics of a broken network. The usual cause is a learning rate far
 * too high.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;
    private final double loss;
    private final String detail;

    /**
     * Creates the exception for a loss that turned NaN or infinite, with the fix
     * {@value DivergenceMonitor#LEARNING_RATE_FIX}.
     *
     * @param epoch the epoch, from 1
     * @param batch the batch within the epoch, from 1
     * @param loss the loss of that batch
     */
    public TrainingDivergedException(int epoch, int batch, double loss) {
        this(epoch, batch, loss, "", DivergenceMonitor.LEARNING_RATE_FIX);
    }

    /**
     * Creates the exception with the whole message: "training diverged: loss is LOSS at
     * epoch E, batch B", then {@code detail}, then "; " and {@code fix}.
     *
     * @param epoch the epoch, from 1
     * @param batch the batch within the epoch, from 1
     * @param loss the loss of that batch
     * @param detail what else showed the divergence, such as ", over 100 times the first
     *     batch's 2.3", or an empty string
     * @param fix what the user can do, such as "lower --learning-rate"
     */
    public TrainingDivergedException(int epoch, int batch, double loss, String detail,
            String fix) {
        super("training diverged: loss is " + loss + " at epoch " + epoch + ", batch " + batch
                + detail + "; " + fix);
        this.epoch = epoch;
        this.batch = batch;
        this.loss = loss;
        this.detail = detail;
    }

    /** Returns this divergence with {@code fix} in place of the fix its message names. */
    public TrainingDivergedException withFix(String fix) {
        return new TrainingDivergedException(epoch, batch, loss, detail, fix);
    }

    /** Returns the epoch whose loss was not finite, from 1. */
    public int epoch() {
        return epoch;
    }

    /** Returns the batch within the epoch whose loss was not finite, from 1. */
    public int batch() {
        return batch;
    }

    /** Returns the loss of the batch that revealed the divergence. */
    public double loss() {
        return loss;
    }
}
