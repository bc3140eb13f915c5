package io.archforge.app;

import io.archforge.app.cli.ArchforgeCommand;
import io.archforge.app.cli.CommandLines;
import io.archforge.app.cli.Verbosity;

/**
 * The {@code archforge} entry point. Exit statuses: 0 success, 1 failure, 2 bad input
 * or usage, 130 interrupted by SIGINT (see {@link io.archforge.app.cli.ExitCodes}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Verbosity.set(false);
        int status = CommandLines.create(new ArchforgeCommand()).execute(args);
        System.exit(status);
    }
}
