package io.archforge.app.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workers' stderr lines about the store: lines that report a store error, and the
 * summary of transactions retried after transient errors that each store logs when it
 * closes ({@code io.archforge.store.jdbc.Database}).
 *
 * @param storeErrorLines lines that mention a lock, a busy store, a deadlock, a
 *     serialization failure, a full connection table or an exception, or that carry the
 *     command line's error prefix
 * @param examples up to {@value #MAX_EXAMPLES} of those lines, each prefixed by its file
 * @param retriedTransactions the transactions that succeeded after retries
 * @param retries the retries of those transactions in all
 * @param longestRetryMillis the longest time one such transaction took
 */
public record WorkerLogs(int storeErrorLines, List<String> examples,
        long retriedTransactions, long retries, long longestRetryMillis) {

    /** The maximum number of error lines kept as examples. */
    public static final int MAX_EXAMPLES = 3;

    private static final Pattern STORE_ERROR = Pattern.compile(
            "(?i)locked|busy|deadlock|could not serialize|too many clients|exception"
                    + "|^archforge: ");

    private static final Pattern RETRY_SUMMARY = Pattern.compile("(\\d+) transactions were"
            + " retried after transient errors, (\\d+) retries in all; the longest took (\\d+)"
            + " ms");

    public WorkerLogs {
        examples = List.copyOf(examples);
    }

    /**
     * Reads the stderr files {@code files}.
     *
     * @throws IOException when a file cannot be read
     */
    public static WorkerLogs read(List<Path> files) throws IOException {
        int errors = 0;
        List<String> examples = new ArrayList<>();
        long transactions = 0;
        long retries = 0;
        long longest = 0;
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                Matcher summary = RETRY_SUMMARY.matcher(line);
                if (summary.find()) {
                    transactions += Long.parseLong(summary.group(1));
                    retries += Long.parseLong(summary.group(2));
                    longest = Math.max(longest, Long.parseLong(summary.group(3)));
                } else if (STORE_ERROR.matcher(line).find()) {
                    errors++;
                    if (examples.size() < MAX_EXAMPLES) {
                        examples.add(file.getFileName() + ": " + line);
                    }
                }
            }
        }
        return new WorkerLogs(errors, examples, transactions, retries, longest);
    }
}
