package io.archforge.app.load;

import io.archforge.storage.Storage;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import io.archforge.study.Worker;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the worker processes of a load run to exit. Meanwhile it logs the study's
 * progress, and kills {@link LoadSettings#kills} workers with SIGKILL, each while it
 * evaluates a trial, spread evenly over the budget. A worker is stopped with SIGSTOP
 * before its trial is checked, so a trial that finished in between is never taken for
 * the killed one. Such a worker gets SIGCONT, and another is tried. A finishing write
 * that the worker had sent to a PostgreSQL server before it stopped may still commit,
 * so a killed worker's trial can end COMPLETE instead of STALE. Workers that outlast
 * the process timeout are killed, and the run counts as timed out.
 */
final class WorkerWatch {

    /** The end of the workers: wall time, exit statuses, kills and whether they timed out. */
    record Ending(double wallSeconds, List<Integer> exitCodes, int killed, boolean timedOut) {
        Ending {
            exitCodes = List.copyOf(exitCodes);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(WorkerWatch.class);
    private static final long POLL_MILLIS = 100;
    private static final long PROGRESS_NANOS = Duration.ofSeconds(15).toNanos();

    private final LoadSettings settings;
    private final Storage storage;
    private final List<Process> workers;
    private final Set<Process> killed = new HashSet<>();
    private final SplittableRandom random;

    /** @param storage an open handle on the run's store, for progress and kills */
    WorkerWatch(LoadSettings settings, Storage storage, List<Process> workers) {
        this.settings = settings;
        this.storage = storage;
        this.workers = List.copyOf(workers);
        this.random = new SplittableRandom(settings.seed());
    }

    /**
     * Waits until every worker has exited or the timeout has passed.
     *
     * @param startNanos {@link System#nanoTime} when the first worker started
     */
    Ending await(long startNanos) throws InterruptedException {
        long deadline = startNanos + settings.processTimeout().toNanos();
        long nextProgress = startNanos + PROGRESS_NANOS;
        while (workers.stream().anyMatch(Process::isAlive)) {
            long now = System.nanoTime();
            if (now - deadline > 0) {
                LOG.warn("Workers still running after {}; killing them", settings.processTimeout());
                stopAll();
                return ending(startNanos, true);
            }
            if (killed.size() < settings.kills()) {
                killOneIfDue();
            }
            if (now - nextProgress > 0) {
                LOG.info("Study '{}': {} of {} trials finished, {} workers running",
                        settings.study(), storage.counts(settings.study()).finished(),
                        settings.trials(), workers.stream().filter(Process::isAlive).count());
                nextProgress = now + PROGRESS_NANOS;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return ending(startNanos, false);
    }

    private Ending ending(long startNanos, boolean timedOut) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        List<Integer> exits = new ArrayList<>();
        for (Process worker : workers) {
            if (!killed.contains(worker)) {
                exits.add(worker.exitValue());
            }
        }
        return new Ending(wall, exits, killed.size(), timedOut);
    }

    /**
     * Kills a worker that evaluates a trial, once the study has finished its share of the
     * budget before the next kill.
     */
    private void killOneIfDue() throws InterruptedException {
        long due = (long) settings.trials() * (killed.size() + 1) / (settings.kills() + 1);
        var counts = storage.counts(settings.study());
        if (counts.finished() < due) {
            return;
        }
        Map<Long, Process> live = new HashMap<>();
        for (Process worker : workers) {
            if (worker.isAlive() && !killed.contains(worker)) {
                live.put(worker.pid(), worker);
            }
        }
        int from = Math.max(0, counts.nextNumber() - 4 * settings.workers());
        List<FrozenTrial> running = storage.trialsFrom(settings.study(), from).stream()
                .filter(trial -> trial.state() == TrialState.RUNNING
                        && live.containsKey(pid(trial)))
                .toList();
        if (running.isEmpty()) {
            return;
        }
        FrozenTrial victim = running.get(random.nextInt(running.size()));
        Process process = live.get(pid(victim));

        // Stopped first, so that the trial cannot finish between the check and the kill
        if (!signal(process, "STOP")) {
            return;
        }
        if (isRunning(victim.number())) {
            process.destroyForcibly();
            killed.add(process);
            LOG.info("Killed worker {} with SIGKILL while its trial {} was RUNNING",
                    process.pid(), victim.number());
        } else {
            signal(process, "CONT");
        }
    }

    private boolean isRunning(int number) {
        return storage.trial(settings.study(), number)
                .map(trial -> trial.state() == TrialState.RUNNING).orElse(false);
    }

    /**
     * Sends {@code signal} to {@code process} with the {@code kill} command.
     *
     * @return whether the command succeeded
     */
    private static boolean signal(Process process, String signal) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal,
                    Long.toString(process.pid())).redirectErrorStream(true).start();
            kill.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (kill.waitFor() == 0) {
                return true;
            }
            LOG.warn("kill -{} {} failed with status {}", signal, process.pid(),
                    kill.exitValue());
        } catch (IOException e) {
            LOG.warn("kill -{} {} failed: {}", signal, process.pid(), e.getMessage());
        }
        return false;
    }

    private static long pid(FrozenTrial trial) {
        return Worker.parse(trial.attributes().get(Worker.ATTRIBUTE)).map(Worker::pid)
                .orElse(-1L);
    }

    private void stopAll() throws InterruptedException {
        for (Process worker : workers) {
            worker.destroyForcibly();
        }
        for (Process worker : workers) {
            worker.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
