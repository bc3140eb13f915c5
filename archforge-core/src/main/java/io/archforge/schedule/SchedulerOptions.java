package io.archforge.schedule;

/** Checks shared by the schedulers' options. */
final class SchedulerOptions {

    private SchedulerOptions() {
    }

    /**
     * Rejects a reduction factor below 2.
     *
     * @throws IllegalArgumentException naming the value and the allowed range
     */
    static void checkEta(double eta) {
        if (!(eta >= 2) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("option eta (the reduction factor) must be at least 2, got "
                    + eta);
        }
    }
}
