package io.archforge.app.cli;

import io.archforge.execution.ExecutorSettings;
import io.archforge.execution.TrialExecutors;
import io.archforge.study.Study;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The execution options of one run, shared by {@code search} and {@code worker}: the
 * executor and the heartbeat timing. None of it is stored with the study, so workers of
 * one study may run their trials differently.
 */
public final class ExecutionOptions {

    /** The executor that runs trials one at a time in this process's own loop. */
    static final String LOCAL = "local";
    /** The executor that runs each trial as an Apache Spark job. */
    static final String SPARK = "spark";

    @Option(names = "--executor", paramLabel = "local|spark",
            description = "Where trials run: local (this process, default) or spark (one "
                    + "Apache Spark job per trial, several in flight; see --spark-master).")
    String executor;

    @Option(names = "--spark-master", paramLabel = "MASTER",
            description = "Spark master for --executor spark, such as local[2,3] (two "
                    + "threads here, three attempts per task; the default) or "
                    + "spark://host:7077.")
    String sparkMaster;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Trials in flight at once (default: 1 with the local executor, "
                    + "the master's task slots with spark).")
    Integer parallel;

    @Option(names = "--executor-option", paramLabel = "KEY=VALUE",
            description = "Executor setting, repeatable, such as gpus_per_trial=1 or "
                    + "max_failures=4 for spark.")
    List<String> executorOptions;

    @Option(names = "--learn-on-arrival",
            description = "With --parallel above 1: let the strategy learn each result as it "
                    + "arrives, which keeps every slot busy when trial times vary widely. By "
                    + "default it learns results in trial order, so that the same seed and "
                    + "--parallel replay the same trials.")
    boolean learnOnArrival;

    @Option(names = "--heartbeat", paramLabel = "DURATION",
            description = "How often a running trial tells the store its worker is alive "
                    + "(default: 10s).")
    String heartbeat;

    @Option(names = "--stale-after", paramLabel = "DURATION",
            description = "A running trial without a heartbeat for this long counts as "
                    + "dead, and another worker evaluates it again (default: 60s).")
    String staleAfter;

    /** Returns the chosen executor's name. */
    String executorName() {
        return executor == null ? LOCAL : executor.strip();
    }

    /**
     * Returns whether the trials run in the study's own one-at-a-time loop, which alone
     * supports schedulers, early stopping and the evaluation cache.
     */
    boolean inProcess() {
        return executorName().equals(LOCAL) && (parallel == null || parallel == 1)
                && (executorOptions == null || executorOptions.isEmpty());
    }

    /**
     * Checks the options before anything is written.
     *
     * @throws UsageException naming the bad value and the fix
     */
    void validate() {
        if (parallel != null && parallel < 1) {
            throw new UsageException("--parallel must be at least 1, not " + parallel);
        }
        if (sparkMaster != null && !executorName().equals("spark")) {
            throw new UsageException("--spark-master " + sparkMaster
                    + " needs --executor spark; add it, or drop --spark-master");
        }
        if (!executorName().equals(LOCAL) && !executorName().equals(SPARK)) {
            throw new UsageException("unknown --executor '" + executorName()
                    + "': use local or spark");
        }
        if (!TrialExecutors.names().contains(executorName())) {
            throw new UsageException("--executor " + executorName() + " is not on this class "
                    + "path: it lives in module archforge-spark, which ./archforge adds when "
                    + "--executor spark is given; run the command through ./archforge");
        }
        try {
            TrialExecutors.validate(executorName(), settings());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        heartbeats();
    }

    /** Returns the settings handed to the executor's provider. */
    ExecutorSettings settings() {
        Map<String, String> parsed = StrategyOptionParser.parse(
                executorOptions == null ? List.of() : executorOptions, "--executor-option",
                "gpus_per_trial=1");
        return new ExecutorSettings(Optional.ofNullable(parallel),
                Optional.ofNullable(sparkMaster).map(String::strip), parsed);
    }

    /** Returns the heartbeat interval and the stale limit. */
    Heartbeats heartbeats() {
        Duration interval = heartbeat == null ? Study.DEFAULT_HEARTBEAT_INTERVAL
                : Durations.parse(heartbeat, "--heartbeat");
        Duration limit = staleAfter == null ? Study.DEFAULT_STALE_AFTER
                : Durations.parse(staleAfter, "--stale-after");
        if (limit.compareTo(interval) <= 0) {
            throw new UsageException("--stale-after " + Durations.format(limit)
                    + " must be longer than --heartbeat " + Durations.format(interval)
                    + ", several times as long, such as 60s against 10s");
        }
        return new Heartbeats(interval, limit);
    }

    /** Returns the arguments that repeat these options on another command line. */
    List<String> arguments() {
        List<String> args = new java.util.ArrayList<>();
        add(args, "--executor", executor);
        add(args, "--spark-master", sparkMaster);
        add(args, "--parallel", parallel == null ? null : parallel.toString());
        if (executorOptions != null) {
            executorOptions.forEach(option -> add(args, "--executor-option", option));
        }
        add(args, "--heartbeat", heartbeat);
        add(args, "--stale-after", staleAfter);
        return args;
    }

    private static void add(List<String> args, String option, String value) {
        if (value != null) {
            args.add(option);
            args.add(value);
        }
    }

    /**
     * How often trials send heartbeats and when a silent one counts as stale.
     *
     * @param interval the heartbeat interval
     * @param staleAfter the limit without a heartbeat
     */
    record Heartbeats(Duration interval, Duration staleAfter) {
    }
}
