package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Study;
import io.archforge.study.TrialState;
import io.archforge.study.Worker;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight worker processes run one NAS-Bench-201 study of 300 trials on one store, after
 * a first worker was killed with SIGKILL while it evaluated a trial. No store error may
 * reach a worker's output, and the study must end with exactly its budget of finished
 * trials, numbered from 0 without a gap, with no architecture evaluated twice and the
 * killed worker's trial evaluated again. It runs on SQLite, and on PostgreSQL when
 * {@code ARCHFORGE_TEST_POSTGRES} is set. {@code archforge bench load} runs the long
 * version.
 */
class WorkerLoadTest {

    private static final int WORKERS = 8;
    private static final int TRIALS = 300;
    private static final SearchSpace NB201 = CellSpace.nb201();
    private static final Pattern STORE_ERROR = Pattern.compile("(?i)locked|busy|exception");
    /** Short heartbeats, so that the workers notice the killed one's trial within seconds. */
    private static final List<String> TIMING =
            List.of("--heartbeat", "500ms", "--stale-after", "3s");

    @TempDir
    Path logs;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void sqliteWorkersKeepEveryTrial() throws Exception {
        runAndCheck(logs.resolve("studies.db").toString(), "load");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "ARCHFORGE_TEST_POSTGRES", matches = ".+")
    void postgresWorkersKeepEveryTrial() throws Exception {
        String schema = "archforge_load_" + Long.toHexString(System.nanoTime());
        execute("CREATE SCHEMA " + schema);
        try {
            runAndCheck(System.getenv("ARCHFORGE_TEST_POSTGRES") + "?currentSchema=" + schema,
                    "worker-load-" + schema);
        } finally {
            processes.forEach(Process::destroyForcibly);
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private void runAndCheck(String store, String study) throws Exception {
        // Each look-up waits 20 ms, so that the first worker is caught inside a trial
        Cli.Result created = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--storage", store, "--study", study, "--trials", Integer.toString(TRIALS),
                "--time-limit", "1ms", "--trial-delay", "20ms");
        assertThat(created.exitCode()).as(created.err()).isZero();

        // The first worker dies inside a trial, which stays RUNNING until others notice
        int killed;
        try (Storage storage = Storages.open(store)) {
            killed = killInsideTrial(storage, study, start("victim", study, store),
                    Duration.ofSeconds(60));
        }

        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            workers.add(start("worker-" + i, study, store));
        }
        for (int i = 0; i < WORKERS; i++) {
            assertThat(workers.get(i).waitFor(120, TimeUnit.SECONDS))
                    .as("worker-%d ended; logs in %s", i, logs).isTrue();
            String err = Subprocess.output(logs, "worker-" + i, "err");
            assertThat(workers.get(i).exitValue()).as("exit status of worker-%d: %s", i, err)
                    .isZero();
            assertThat(STORE_ERROR.matcher(err).find())
                    .as("store error in the stderr of worker-%d: %s", i, err).isFalse();
        }

        try (Storage storage = Storages.open(store)) {
            checkTrials(storage.trials(study), killed);
        }
    }

    private static void checkTrials(List<FrozenTrial> trials, int killed) {
        List<FrozenTrial> finished = trials.stream().filter(t -> t.state().isFinished())
                .toList();
        List<FrozenTrial> complete = trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETE).toList();
        assertThat(finished).as("finished trials").hasSize(TRIALS);
        assertThat(complete).as("complete trials").hasSize(TRIALS);
        assertThat(trials).extracting(FrozenTrial::number).as("trial numbers")
                .containsExactlyElementsOf(IntStream.range(0, trials.size()).boxed().toList());
        assertThat(complete.stream().map(t -> NB201.parse(t.architecture()).isomorphismKey()))
                .as("isomorphism classes of the complete trials").doesNotHaveDuplicates();
        assertThat(trials).as("trials left running")
                .noneMatch(t -> t.state() == TrialState.RUNNING);

        // Every stale trial, the killed worker's among them, was evaluated again
        FrozenTrial lost = trials.get(killed);
        assertThat(lost.state()).as("state of the killed worker's trial")
                .isEqualTo(TrialState.STALE);
        Set<String> retried = trials.stream()
                .map(t -> t.attributes().get(Study.RETRY_OF_ATTRIBUTE))
                .filter(number -> number != null).collect(Collectors.toSet());
        Set<String> finishedKeys = finished.stream()
                .map(t -> NB201.parse(t.architecture()).isomorphismKey())
                .collect(Collectors.toSet());
        for (FrozenTrial stale : trials.stream()
                .filter(t -> t.state() == TrialState.STALE).toList()) {
            boolean again = retried.contains(Integer.toString(stale.number()))
                    || finishedKeys.contains(NB201.parse(stale.architecture()).isomorphismKey());
            assertThat(again).as("stale trial %d evaluated again", stale.number()).isTrue();
        }
        assertThat(complete.stream().map(WorkerLoadTest::pid).distinct().count())
                .as("workers that completed trials").isGreaterThanOrEqualTo(2);
    }

    private Process start(String name, String study, String store) throws IOException {
        List<String> args = new ArrayList<>(List.of("worker", "--storage", store, "--study",
                study));
        args.addAll(TIMING);
        Process process = Subprocess.start(logs, name, args);
        processes.add(process);
        return process;
    }

    /**
     * Kills {@code process} with SIGKILL while it evaluates a trial of the study, and
     * returns that trial's number. The process is stopped first and the trial read again,
     * so that a trial that finished in between is not taken for the killed one.
     */
    private static int killInsideTrial(Storage storage, String study, Process process,
            Duration limit) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            assertThat(process.isAlive()).as("first worker alive").isTrue();
            Optional<Integer> running = runningTrialOf(storage, study, process);
            if (running.isPresent()) {
                signal(process, "STOP");
                if (runningTrialOf(storage, study, process).equals(running)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    return running.get();
                }
                signal(process, "CONT");
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the first worker ran no trial within " + limit);
    }

    private static Optional<Integer> runningTrialOf(Storage storage, String study,
            Process process) {
        return storage.trials(study).stream()
                .filter(t -> t.state() == TrialState.RUNNING && pid(t) == process.pid())
                .map(FrozenTrial::number).findFirst();
    }

    private static void signal(Process process, String signal)
            throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s exit status", signal).isZero();
    }

    private static long pid(FrozenTrial trial) {
        return Worker.parse(trial.attributes().get(Worker.ATTRIBUTE)).map(Worker::pid)
                .orElse(-1L);
    }

    private static void execute(String sql) {
        URI uri = URI.create(System.getenv("ARCHFORGE_TEST_POSTGRES"));
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
        String[] user = Optional.ofNullable(uri.getUserInfo()).orElse("").split(":", 2);
        try (Connection connection = DriverManager.getConnection(jdbc, user[0],
                user.length > 1 ? user[1] : null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test setup failed: " + sql, e);
        }
    }
}
