package io.archforge.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * The {@code --verbose} switch: DEBUG logging for Archforge and stack traces with
 * error lines. Without it, Archforge logs at INFO and other libraries at WARN, as
 * {@code logback.xml} sets.
 */
public final class Verbosity {

    private static volatile boolean verbose;

    private Verbosity() {
    }

    /** Returns whether {@code --verbose} was given to the running command. */
    public static boolean isVerbose() {
        return verbose;
    }

    /** Sets the switch and the log levels that go with it. */
    public static void set(boolean on) {
        verbose = on;
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger archforge = context.getLogger("io.archforge");
            archforge.setLevel(on ? Level.DEBUG : Level.INFO);
        }
    }

    /** Silences the per-trial INFO lines of the study loop, which a progress bar replaces. */
    public static void quietStudyLog(boolean quiet) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Level level = quiet && !verbose ? Level.WARN : null;
            context.getLogger("io.archforge.study").setLevel(level);
        }
    }
}
