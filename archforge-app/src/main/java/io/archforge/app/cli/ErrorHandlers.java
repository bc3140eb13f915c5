package io.archforge.app.cli;

import io.archforge.space.ArchitectureFormatException;
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
        return isBadInput(e) ? message : message + " (" + e.getClass().getSimpleName() + ")";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
