package io.archforge.app.cli;

import io.archforge.space.ArchitectureFormatException;
import io.archforge.storage.StorageException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one error line and an exit status: bad input exits with
 * {@link ExitCodes#USAGE}, anything else with {@link ExitCodes#FAILURE}. A stack
 * trace follows only with {@code --verbose}.
 */
final class ErrorHandlers implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** The maximum length of a printed error line, in characters. */
    private static final int MAX_MESSAGE = 2000;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println("archforge: " + oneLine(e.getMessage())
                + " (run '" + name + " --help' for usage)");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        boolean usage = isBadInput(e);
        String prefix = usage ? "archforge: " : "archforge: failed: ";
        err.println(prefix + oneLine(describe(e)));
        if (Verbosity.isVerbose()) {
            e.printStackTrace(err);
        }
        err.flush();
        return usage ? ExitCodes.USAGE : ExitCodes.FAILURE;
    }

    private static boolean isBadInput(Throwable e) {
        return e instanceof UsageException || e instanceof ArchitectureFormatException;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // A store's messages name the store and the fix, as a full disk's does; the class
        // adds nothing.
        boolean selfExplaining = isBadInput(e) || e instanceof StorageException;
        return selfExplaining ? message : message + " (" + e.getClass().getSimpleName() + ")";
    }

    /**
     * Returns {@code text} on one line, with control characters shown as {@code \\uXXXX}
     * so none reaches the terminal, and cut after {@value #MAX_MESSAGE} characters, so
     * that a huge value quoted in a message does not flood it.
     */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
        StringBuilder escaped = new StringBuilder();
        line.codePoints().forEach(c -> escaped.append(Character.isISOControl(c)
                ? String.format("\\u%04x", c) : Character.toString(c)));
        if (escaped.length() <= MAX_MESSAGE) {
            return escaped.toString();
        }
        return escaped.substring(0, MAX_MESSAGE) + "... (" + (escaped.length() - MAX_MESSAGE)
                + " more characters)";
    }
}
