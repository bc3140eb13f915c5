package io.archforge.app.cli;

import picocli.CommandLine.Option;

/** The output switches every command takes. */
public final class OutputOptions {

    @Option(names = "--json", description = "Print one JSON object on stdout; logs stay on stderr.")
    boolean json;

    @Option(names = "--verbose", description = "Log at DEBUG and print stack traces with errors.")
    void verbose(boolean on) {
        Verbosity.set(on);
    }

    /** Returns whether {@code --json} was given. */
    public boolean json() {
        return json;
    }
}
