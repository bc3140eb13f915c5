package io.archforge.eval;

/** Names of the metrics that record what an evaluation cost. */
public final class CostMetrics {

    /**
     * Epochs of training spent by the evaluation, whole-data equivalent: a tabular
     * benchmark's epoch setting, or epochs times the data fraction for real training.
     */
    public static final String TRAINING_EPOCHS = "training_epochs";

    private CostMetrics() {
    }
}
