package io.archforge.torch.graph;

/**
 * The recipe of full-batch node-classification training.
 *
 * @param epochs the number of epochs, each one full-graph step
 * @param learningRate Adam's learning rate
 * @param weightDecay the L2 penalty that Adam adds to each gradient
 * @param latencyRuns the timed full-graph forward passes behind {@code latency_ms}
 * @param threads PyTorch's intra-op threads while training and timing
 */
public record GnnTrainingSettings(int epochs, double learningRate, double weightDecay,
        int latencyRuns, int threads) {

    /** The standard epoch count. */
    public static final int EPOCHS = 200;
    /** The standard learning rate. */
    public static final double LEARNING_RATE = 0.01;
    /** The standard weight decay, as in the GCN paper's Planetoid runs. */
    public static final double WEIGHT_DECAY = 5e-4;
    /** The standard number of timed forward passes. */
    public static final int LATENCY_RUNS = 10;
    /**
     * The standard intra-op thread count. One thread replays exactly, and on a busy
     * machine it avoids the stalls of several threads waiting for each other.
     */
    public static final int THREADS = 1;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming the value out of range
     */
    public GnnTrainingSettings {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive, got "
                    + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be zero or positive, got "
                    + weightDecay);
        }
        if (latencyRuns < 1) {
            throw new IllegalArgumentException("latency runs must be at least 1, got "
                    + latencyRuns);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /**
     * Returns the standard recipe: 200 epochs, learning rate 0.01, weight decay 5e-4, 10
     * timed passes, 1 thread.
     */
    public static GnnTrainingSettings standard() {
        return new GnnTrainingSettings(EPOCHS, LEARNING_RATE, WEIGHT_DECAY, LATENCY_RUNS,
                THREADS);
    }

    /** Returns this recipe with {@code newEpochs} epochs. */
    public GnnTrainingSettings withEpochs(int newEpochs) {
        return new GnnTrainingSettings(newEpochs, learningRate, weightDecay, latencyRuns,
                threads);
    }

    /** Returns this recipe with learning rate {@code newRate}. */
    public GnnTrainingSettings withLearningRate(double newRate) {
        return new GnnTrainingSettings(epochs, newRate, weightDecay, latencyRuns, threads);
    }
}
