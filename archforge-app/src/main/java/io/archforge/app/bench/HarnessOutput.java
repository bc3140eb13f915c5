package io.archforge.app.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The output options of the {@code bench} commands that run child processes. */
final class HarnessOutput {

    @Option(names = "--logs", paramLabel = "DIR",
            description = "Directory for the processes' stdout and stderr, kept afterwards "
                    + "(default: a temporary directory, removed unless a check failed).")
    Path logs;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    /** Returns the directory of the process logs: {@code --logs}, else {@code scratch}. */
    Path logs(Path scratch) {
        return logs != null ? logs : scratch;
    }
}
