package io.archforge.app.cli;

/**
 * Bad input from the command line: the command prints the message as one line and
 * exits with {@link ExitCodes#USAGE}. The message names the value and the fix.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
