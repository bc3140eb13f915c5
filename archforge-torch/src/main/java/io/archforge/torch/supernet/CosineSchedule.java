package io.archforge.torch.supernet;

import ai.djl.training.tracker.Tracker;

/**
 * A learning rate that falls from its base value to zero along a cosine over a fixed
 * number of optimizer steps, counted by the caller.
 *
 * <p>DJL 0.36 optimizers pass a tracker each parameter's own update count. In a
 * supernet an operation is updated only in the steps whose path contains it, so a
 * schedule driven by that count would lag behind for most operations. This schedule
 * follows the global step that {@link #setStep} sets before each update.
 */
final class CosineSchedule implements Tracker {

    private final float baseValue;
    private final int totalSteps;
    private int step;

    /**
     * Creates a schedule.
     *
     * @param baseValue the learning rate at step 0
     * @param totalSteps the steps after which the rate reaches zero
     */
    CosineSchedule(float baseValue, int totalSteps) {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("total steps must be at least 1, got "
                    + totalSteps);
        }
        this.baseValue = baseValue;
        this.totalSteps = totalSteps;
    }

    /** Sets the global step, counted from 0, of the next updates. */
    void setStep(int step) {
        this.step = step;
    }

    /** Returns the learning rate at the current global step; the update count is ignored. */
    @Override
    public float getNewValue(int numUpdate) {
        double progress = Math.min(step, totalSteps) / (double) totalSteps;
        return (float) (baseValue * (1 + Math.cos(Math.PI * progress)) / 2);
    }
}
