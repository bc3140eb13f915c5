package io.archforge.app.load;

import io.archforge.app.child.HarnessReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one load run: how the worker processes ended, how fast the study went,
 * what the workers wrote about the store, and the checks of the stored trials.
 *
 * @param store the store as shown in messages, without a password
 * @param settings what the run did
 * @param wallSeconds the time from the first worker's start to the last one's exit
 * @param exitCodes the exit status of every worker that was not killed
 * @param killed the workers killed with SIGKILL
 * @param timedOut whether the workers outlasted the process timeout and were killed
 * @param checks the checks of the stored trials
 * @param times the timings read from the stored trials
 * @param logs what the workers wrote to stderr about the store
 */
public record LoadReport(String store, LoadSettings settings, double wallSeconds,
        List<Integer> exitCodes, int killed, boolean timedOut, TrialChecks checks,
        TrialTimes times, WorkerLogs logs) implements HarnessReport {

    public LoadReport {
        exitCodes = List.copyOf(exitCodes);
    }

    /** Returns the workers not killed that exited with a status other than 0. */
    public int failedWorkers() {
        return (int) exitCodes.stream().filter(code -> code != 0).count();
    }

    /** Returns whether every promise held: the workers, their output and the trials. */
    @Override
    public boolean passed() {
        return !timedOut && failedWorkers() == 0 && logs.storeErrorLines() == 0
                && checks.passed();
    }

    /** Returns the trials of the budget per second of wall time. */
    public double trialsPerSecond() {
        return wallSeconds > 0 ? settings.trials() / wallSeconds : 0;
    }

    /** Returns the report as lines of text, one figure per line. */
    @Override
    public String toText() {
        StringBuilder text = new StringBuilder();
        line(text, "store", store);
        line(text, "study", "'" + settings.study() + "', trial delay "
                + settings.trialDelay().orElse("none"));
        line(text, "workers", "%d (%d exited 0, %d failed, %d killed%s)", settings.workers(),
                exitCodes.size() - failedWorkers(), failedWorkers(), killed,
                timedOut ? ", timed out" : "");
        line(text, "wall time", "%.1f s from the first worker's start to the last exit",
                wallSeconds);
        line(text, "trials per second", "%.1f over the wall time, %.1f from the first finish"
                + " to the last", trialsPerSecond(), times.finishingRate());
        line(text, "trial span p50 / p95", "%.0f / %.0f ms (stored start to stored finish)",
                times.spanP50Millis(), times.spanP95Millis());
        line(text, "store errors in output", "%d lines", logs.storeErrorLines());
        logs.examples().forEach(example -> line(text, "  example", example));
        line(text, "retried transactions", "%d (%d retries, the longest %d ms)",
                logs.retriedTransactions(), logs.retries(), logs.longestRetryMillis());
        line(text, "finished trials", "%d of a budget of %d (%d failed)", checks.finished(),
                checks.budget(), checks.failed());
        line(text, "numbering", "%d trials, %d gaps, %d numbers twice", checks.trials(),
                checks.gaps(), checks.repeatedNumbers());
        line(text, "duplicates", "%d architectures evaluated twice among COMPLETE trials",
                checks.duplicates());
        line(text, "lost trials", "%d (%d still RUNNING, %d STALE not evaluated again)",
                checks.lost(), checks.runningAtEnd(), checks.stale() - checks.staleRetried());
        line(text, "stale trials retried", "%d of %d", checks.staleRetried(), checks.stale());
        line(text, "result", passed() ? "passed" : "FAILED");
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String format, Object... args) {
        text.append(String.format(Locale.ROOT, "%-24s %s%n", label + ":",
                String.format(Locale.ROOT, format, args)));
    }

    /** Returns the report as a map of JSON values, with snake_case keys. */
    @Override
    public Map<String, Object> toJson() {
        // The run
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("store", store);
        json.put("study", settings.study());
        json.put("workers", settings.workers());
        json.put("trials", settings.trials());
        json.put("trial_delay", settings.trialDelay().orElse(null));
        json.put("killed_workers", killed);
        json.put("failed_workers", failedWorkers());
        json.put("timed_out", timedOut);

        // Speed, and what the workers wrote about the store
        json.put("wall_seconds", round(wallSeconds));
        json.put("trials_per_second", round(trialsPerSecond()));
        json.put("finishing_rate", round(times.finishingRate()));
        json.put("trial_span_ms_p50", round(times.spanP50Millis()));
        json.put("trial_span_ms_p95", round(times.spanP95Millis()));
        json.put("store_error_lines", logs.storeErrorLines());
        json.put("store_error_examples", logs.examples());
        json.put("retried_transactions", logs.retriedTransactions());
        json.put("retries", logs.retries());
        json.put("longest_retry_ms", logs.longestRetryMillis());

        // The checks of the stored trials
        json.put("stored_trials", checks.trials());
        json.put("finished_trials", checks.finished());
        json.put("failed_trials", checks.failed());
        json.put("gaps", checks.gaps());
        json.put("repeated_numbers", checks.repeatedNumbers());
        json.put("duplicates", checks.duplicates());
        json.put("running_at_end", checks.runningAtEnd());
        json.put("lost_trials", checks.lost());
        json.put("stale_trials", checks.stale());
        json.put("stale_retried", checks.staleRetried());
        json.put("passed", passed());
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
