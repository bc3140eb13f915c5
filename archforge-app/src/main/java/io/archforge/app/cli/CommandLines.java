package io.archforge.app.cli;

import picocli.CommandLine;

/** Builds the configured picocli command line: error handlers, case rules, subcommands. */
public final class CommandLines {

    private CommandLines() {
    }

    /** Creates the command line for {@code command}, with one-line errors and exit statuses. */
    public static CommandLine create(Object command) {
        ErrorHandlers handlers = new ErrorHandlers();
        CommandLine line = new CommandLine(command);
        line.setExecutionExceptionHandler(handlers);
        line.setParameterExceptionHandler(handlers);
        line.setExitCodeExceptionMapper(
                e -> e instanceof UsageException ? ExitCodes.USAGE : ExitCodes.FAILURE);
        return line;
    }
}
