package io.archforge.app.cli;

/** The exit statuses of every archforge command. */
public final class ExitCodes {

    /** The command did its work; a search that ran out of time also ends here. */
    public static final int OK = 0;

    /** A failure other than bad input: a storage error, a crash in an evaluator. */
    public static final int FAILURE = 1;

    /** Bad input or usage: the error line names the value and the fix. */
    public static final int USAGE = 2;

    /** Stopped by SIGINT after the running trial was saved as STALE (128 + signal 2). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
