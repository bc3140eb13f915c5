package io.archforge.schedule;

/**
 * A scheduler that runs evaluations at rungs of increasing fidelity. Each evaluation
 * is its own trial, stored with the attributes {@value #RUNG}, {@value #BRACKET} and,
 * for a promotion, {@value #PROMOTED_FROM}; the decisions are made from those stored
 * trials alone, so a resumed study continues its brackets where they stopped.
 */
public sealed interface RungScheduler extends Scheduler
        permits SuccessiveHalving, Hyperband, Asha, Bohb {

    /** The trial attribute with the rung index, from 0 at the lowest fidelity. */
    String RUNG = "rung";
    /** The trial attribute with the bracket number. */
    String BRACKET = "bracket";
    /** The trial attribute with the number of the trial a promotion continues. */
    String PROMOTED_FROM = "promoted_from";

    /** The reduction factor: the share of trials promoted at each rung is 1 / eta. */
    double eta();

    /** The lowest rung's fidelity value, or empty for the evaluator's minimum. */
    java.util.OptionalDouble minFidelity();

    /** The kind of fidelity to vary, or empty for the one the evaluator declares. */
    java.util.Optional<io.archforge.fidelity.FidelityKind> kind();

    /** The next evaluation to run, given the study's trials so far. */
    Job next(RungState state);
}
