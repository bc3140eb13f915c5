package io.archforge.schedule;

/**
 * Decides how much each trial may spend. Schedulers are separate from strategies:
 * the strategy proposes architectures, the scheduler chooses the fidelity they are
 * evaluated at and which of them go further, so any strategy runs with any scheduler.
 *
 * <p>Two kinds: a {@link RungScheduler} runs evaluations at rungs of increasing
 * fidelity and promotes the best (successive halving, Hyperband, ASHA, BOHB); a
 * {@link StoppingRule} watches the intermediate values a trial reports and stops it
 * early (median and percentile stopping).
 */
public sealed interface Scheduler permits RungScheduler, StoppingRule {

    /** The name given to {@code --scheduler}. */
    String name();
}
