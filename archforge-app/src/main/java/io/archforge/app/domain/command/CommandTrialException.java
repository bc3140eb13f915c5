package io.archforge.app.domain.command;

/**
 * A run of the trial program that gave no metrics: it exited with an error, timed out,
 * or printed no valid metrics line. The study records the message on the failed trial
 * and goes on.
 */
public final class CommandTrialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the reason and the tail of standard error. */
    public CommandTrialException(String message) {
        super(message);
    }
}
