package io.archforge.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.app.reliability.ProcessWatch.End;
import io.archforge.storage.TrialCounts;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Study;
import io.archforge.study.TrialState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One study of the crash harness: started, killed with SIGKILL once per planned mode and
 * restarted with the same command each time, then run to completion and compared with a
 * run of the same command that was never killed. Every store read after a kill is
 * checked against {@link CrashInvariants}.
 */
final class CrashStudy {

    private static final Logger LOG = LoggerFactory.getLogger(CrashStudy.class);
    /** The objective of a NAS-Bench-201 search on CIFAR-10. */
    private static final String OBJECTIVE = "test_accuracy";
    /** The exit status of a process ended by SIGKILL: 128 plus signal 9. */
    private static final int KILLED = 137;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The plan of one study.
     *
     * @param index the study's place in the run, which sets its strategy, seed and delay
     * @param name the study name; its references add {@code -ref} and {@code -ref-nodelay}
     * @param modes the kills, in order
     * @param delayCheck whether the reference also runs without the trial delay
     */
    record Plan(int index, String name, List<KillMode> modes, boolean delayCheck) {

        Plan {
            modes = List.copyOf(modes);
        }
    }

    /** The store after one kill, and whether the process finished the study first. */
    private record AfterKill(List<FrozenTrial> trials, boolean finished) {
    }

    private final CrashSettings settings;
    private final Plan plan;
    private final boolean delayed;
    private final StartupTimes startup;
    private final RandomGenerator random;
    private final CrashTally tally;
    private final CrashInvariants invariants = new CrashInvariants(OBJECTIVE);
    private int processes;

    CrashStudy(CrashSettings settings, Plan plan, StartupTimes startup, RandomGenerator random,
            CrashTally tally) {
        this.settings = settings;
        this.plan = plan;
        this.delayed = settings.delayed(plan.index());
        this.startup = startup;
        this.random = random;
        this.tally = tally;
    }

    /** Runs the study through its kills to the end, then its uninterrupted references. */
    void run() throws IOException, InterruptedException {
        tally.study();
        LOG.info("Study {}: strategy {}, seed {}, {}, kills {}", plan.name(), strategy(),
                seed(), delayed ? "trial delay " + settings.trialDelayMillis() + " ms"
                        : "no trial delay", plan.modes());
        List<FrozenTrial> killed = killAndFinish();

        // The reference runs after the killed study, so that on a shared store it is the
        // reference, not the killed study, that the evaluation cache serves.
        List<FrozenTrial> reference = uninterrupted(plan.name() + "-ref", delayed);
        boolean matching = same(reference, killed, "killed and uninterrupted runs");
        int stale = (int) killed.stream().filter(t -> t.state() == TrialState.STALE).count();
        int cachedRetries = (int) killed.stream()
                .filter(t -> t.state() == TrialState.COMPLETE
                        && t.attributes().containsKey(Study.RETRY_OF_ATTRIBUTE)
                        && CompletedTrial.isCacheHit(t))
                .count();
        tally.finishedStudy(stale, cachedRetries, matching);

        if (delayed && plan.delayCheck()) {
            List<FrozenTrial> undelayed = uninterrupted(plan.name() + "-ref-nodelay", false);
            tally.delayCheck(same(reference, undelayed, "runs with and without --trial-delay"));
        }
    }

    private List<FrozenTrial> killAndFinish() throws IOException, InterruptedException {
        List<String> command = command(location(), plan.name(), delayed);
        try (StoreProbe probe = new StoreProbe(location())) {
            List<FrozenTrial> before = List.of();
            for (int kill = 0; kill < plan.modes().size(); kill++) {
                AfterKill after = killOnce(probe, command, plan.modes().get(kill), before, kill);
                before = after.trials();
                if (after.finished()) {
                    break;
                }
            }
            return finish(probe, command, before);
        }
    }

    /** Starts the search, kills it as {@code mode} plans, and checks the store after. */
    private AfterKill killOnce(StoreProbe probe, List<String> command, KillMode mode,
            List<FrozenTrial> before, int kill) throws IOException, InterruptedException {
        String where = "study " + plan.name() + ", kill " + (kill + 1) + " (" + mode.label()
                + ")";
        boolean existed = probe.exists(plan.name());
        TrialCounts start = probe.counts(plan.name());
        boolean restart = processes > 0;
        SearchChild child = SearchChild.start(settings.workDir(), processName(), command);
        ProcessWatch watch = new ProcessWatch(child, probe, location(), plan.name(), start,
                settings.processTimeout());

        // Wait for the planned moment, then read the store and kill at once.
        End end = mode == KillMode.RESUME ? awaitStartupMoment(watch, child)
                : awaitMidTrial(watch, child, start);
        List<FrozenTrial> live = end == End.REACHED && mode != KillMode.RESUME
                ? probe.trials(plan.name()) : List.of();
        Duration killedAt = child.age();
        int exit = child.kill();

        List<FrozenTrial> after = probe.trials(plan.name());
        tally.checked(after.size());
        Landing landing = exit == 0 ? Landing.FINISHED_FIRST
                : landing(mode, watch, child, existed, before, after, probe);
        tally.kill(mode, landing);
        boolean survived = end != End.TIMED_OUT && (exit == KILLED || exit == 0);
        if (restart) {
            tally.restart(survived);
        }
        if (end == End.TIMED_OUT) {
            tally.violations(where, List.of("the process made no progress within "
                    + settings.processTimeout().toSeconds() + " s: " + child.stderrTail(3)));
        } else if (!survived) {
            tally.violations(where, List.of("the process exited with status " + exit
                    + " on its own: " + child.stderrTail(3)));
        }
        if (mode != KillMode.RESUME) {
            startup.record(watch.startup());
        }
        tally.violations(where, invariants.deadProcessTrialsKept(before, after));
        tally.violations(where + ", against the store just before the kill",
                invariants.completeTrialsKept(live, after));
        tally.violations(where, invariants.wellFormed(after));
        LOG.info("Study {}: kill {} ({}) at {} ms landed {}; {} trials stored", plan.name(),
                kill + 1, mode.label(), killedAt.toMillis(), landing.description(),
                after.size());
        return new AfterKill(after, exit == 0);
    }

    /**
     * Waits until the process has opened its store, then for a random part of the time
     * from the store open to the first new trial that earlier processes took. Where the
     * open files cannot be read, it waits a random time around the measured start-up.
     */
    private End awaitStartupMoment(ProcessWatch watch, SearchChild child)
            throws InterruptedException {
        End end = watch.awaitStoreOpen();
        if (end == End.REACHED) {
            return watch.awaitAge(child.age().plus(startup.drawDelayAfterStore(random)));
        }
        if (end == End.UNSEEN) {
            return watch.awaitAge(startup.drawDelayAfterStart(random));
        }
        return end;
    }

    /**
     * Waits until the process has finished one trial and then one or two more, which
     * measures its trial time, and then for a random fraction of one more trial.
     */
    private End awaitMidTrial(ProcessWatch watch, SearchChild child, TrialCounts start)
            throws InterruptedException {
        int first = start.finished() + 1;
        End end = watch.awaitFinished(first);
        if (end != End.REACHED) {
            return end;
        }
        Duration firstAt = child.age();
        int more = random.nextInt(1, 3);
        end = watch.awaitFinished(first + more);
        if (end != End.REACHED) {
            return end;
        }
        Duration perTrial = child.age().minus(firstAt).dividedBy(more);
        long fraction = random.nextLong(Math.max(1, perTrial.toNanos()));
        return watch.awaitAge(child.age().plusNanos(fraction));
    }

    /** Tells where a kill landed from the store before and after it and the log. */
    private Landing landing(KillMode mode, ProcessWatch watch, SearchChild child,
            boolean existed, List<FrozenTrial> before, List<FrozenTrial> after,
            StoreProbe probe) {
        if (mode != KillMode.RESUME) {
            return after.stream().anyMatch(t -> t.state() == TrialState.RUNNING)
                    ? Landing.IN_TRIAL : Landing.BETWEEN_TRIALS;
        }
        if (after.size() > before.size()) {
            return Landing.FIRST_TRIALS;
        }
        if (ProcessWatch.loggedOpen(child, plan.name())) {
            return Landing.AFTER_OPEN;
        }
        if (!after.equals(before) || existed != probe.exists(plan.name())) {
            return Landing.DURING_OPEN;
        }
        return watch.storeSeenOpen() ? Landing.STORE_OPEN : Landing.BEFORE_STORE;
    }

    /** Runs the search once more, to the end, and checks the finished study. */
    private List<FrozenTrial> finish(StoreProbe probe, List<String> command,
            List<FrozenTrial> before) throws IOException, InterruptedException {
        String where = "study " + plan.name() + ", final run";
        boolean restart = processes > 0;
        SearchChild child = SearchChild.start(settings.workDir(), processName(), command);
        int exit = awaitExit(child, probe, plan.name(), where);
        if (restart) {
            tally.restart(exit == 0);
        }
        List<FrozenTrial> after = probe.trials(plan.name());
        tally.checked(after.size());
        tally.violations(where, invariants.deadProcessTrialsKept(before, after));
        tally.violations(where, invariants.finished(after, settings.trials()));
        tally.violations(where, reportedTrials(child));
        return after;
    }

    /** Runs the study's command on a fresh study that is never killed. */
    private List<FrozenTrial> uninterrupted(String name, boolean withDelay)
            throws IOException, InterruptedException {
        String location = settings.store().location(name);
        String where = "reference study " + name;
        try (StoreProbe probe = new StoreProbe(location)) {
            SearchChild child = SearchChild.start(settings.workDir(), name,
                    command(location, name, withDelay));
            awaitExit(child, probe, name, where);
            List<FrozenTrial> trials = probe.trials(name);
            tally.violations(where, invariants.finished(trials, settings.trials()));
            return trials;
        }
    }

    /**
     * Waits for a search that should run to the end, and notes a violation when it hangs
     * or fails.
     *
     * @return its exit status, or -1 when it was killed for running too long
     */
    private int awaitExit(SearchChild child, StoreProbe probe, String study, String where)
            throws InterruptedException {
        ProcessWatch watch = new ProcessWatch(child, probe, settings.store().location(study),
                study, probe.counts(study), settings.processTimeout());
        if (watch.awaitExit() == End.TIMED_OUT) {
            child.kill();
            tally.violations(where, List.of("the search did not end within "
                    + settings.processTimeout().toSeconds() + " s: " + child.stderrTail(3)));
            return -1;
        }
        startup.record(watch.startup());
        int exit = child.exitValue();
        if (exit != 0) {
            tally.violations(where, List.of("the search exited with status " + exit + ": "
                    + child.stderrTail(3)));
        }
        return exit;
    }

    /** Checks that the JSON output of a finished search reports the whole budget. */
    private List<String> reportedTrials(SearchChild child) {
        List<String> broken = new ArrayList<>();
        try {
            JsonNode json = MAPPER.readTree(child.stdout());
            int completed = json.path("completed_trials").asInt(-1);
            if (completed != settings.trials()) {
                broken.add("the JSON output reports " + completed + " completed trials, not "
                        + settings.trials());
            }
        } catch (IOException e) {
            broken.add("the output is not JSON: " + e.getMessage());
        }
        return broken;
    }

    private boolean same(List<FrozenTrial> expected, List<FrozenTrial> actual, String runs) {
        List<String> broken = CrashInvariants.sameCompleted(CompletedTrial.of(expected),
                CompletedTrial.of(actual), runs);
        tally.violations("study " + plan.name(), broken);
        return broken.isEmpty();
    }

    private List<String> command(String location, String study, boolean withDelay) {
        List<String> command = new ArrayList<>(List.of("search", "--benchmark", "nb201",
                "--dataset", "cifar10", "--trials", Integer.toString(settings.trials()),
                "--seed", Long.toString(seed()), "--storage", location, "--study", study,
                "--strategy", strategy(), "--json"));
        if (withDelay) {
            command.addAll(List.of("--trial-delay", settings.trialDelayMillis() + "ms"));
        }
        return command;
    }

    private String location() {
        return settings.store().location(plan.name());
    }

    private String processName() {
        return plan.name() + "-" + processes++;
    }

    private String strategy() {
        return settings.strategy(plan.index());
    }

    private long seed() {
        return settings.seed() + plan.index();
    }
}
