package io.archforge.study;

/**
 * Thrown inside a study's loop when a trial could not start because other workers run
 * the trial budget's last trials. The loop then waits for them.
 */
final class TrialBudgetTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TrialBudgetTakenException() {
        super("every trial of the budget is running or finished", null, false, false);
    }
}
