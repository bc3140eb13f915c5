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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four processes run one PostgreSQL study together: one {@code search} and three
 * {@code worker}s over the NAS-Bench-201 table with a look-up delay, so that trials take
 * time. One worker is killed with SIGKILL while it evaluates a trial. The study must end
 * with every budgeted trial complete, no architecture evaluated twice, and the killed
 * trial STALE and evaluated again by another process.
 */
@EnabledIfEnvironmentVariable(named = "ARCHFORGE_TEST_POSTGRES", matches = ".+")
class PostgresWorkersTest {

    private static final int TRIALS = 30;
    private static final String STUDY = "four-workers";
    private static final SearchSpace NB201 = CellSpace.nb201();

    @TempDir
    Path logs;

    private final String schema = "archforge_workers_" + Long.toHexString(System.nanoTime());
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        processes.forEach(Process::destroyForcibly);
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void killedWorkerTrialRetried() throws Exception {
        execute("CREATE SCHEMA " + schema);
        String url = System.getenv("ARCHFORGE_TEST_POSTGRES") + "?currentSchema=" + schema;
        List<String> timing = List.of("--heartbeat", "500ms", "--stale-after", "3s");
        // Each look-up waits 800 ms, so the study outlasts the start of a JVM on a loaded
        // machine and the victim gets a trial before the others finish the budget.
        Process first = start("search", withTiming(timing, "search", "--benchmark", "nb201",
                "--dataset", "cifar10", "--storage", url, "--study", STUDY,
                "--trials", Integer.toString(TRIALS), "--trial-delay", "800ms"));
        try (Storage storage = Storages.open(url)) {
            waitFor(() -> storage.loadStudy(STUDY).isPresent(), Duration.ofSeconds(60));
            Process victim = start("victim", withTiming(timing, "worker", "--storage", url,
                    "--study", STUDY));
            List<Process> workers = List.of(first, victim,
                    start("worker-2", withTiming(timing, "worker", "--storage", url, "--study",
                            STUDY)),
                    start("worker-3", withTiming(timing, "worker", "--storage", url, "--study",
                            STUDY)));

            waitFor(() -> runningTrialOf(storage, victim).isPresent(), Duration.ofSeconds(60));
            int killed = runningTrialOf(storage, victim).orElseThrow();
            victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            for (Process worker : workers) {
                if (worker != victim) {
                    assertThat(worker.waitFor(120, TimeUnit.SECONDS)).isTrue();
                    assertThat(worker.exitValue()).as("exit status, see " + logs).isZero();
                }
            }
            List<FrozenTrial> trials = storage.trials(STUDY);
            List<FrozenTrial> complete = trials.stream()
                    .filter(t -> t.state() == TrialState.COMPLETE).toList();
            assertThat(complete).hasSize(TRIALS);
            assertThat(complete.stream().map(t -> NB201.parse(t.architecture()).isomorphismKey()))
                    .doesNotHaveDuplicates();
            assertThat(trials).noneMatch(t -> t.state() == TrialState.RUNNING);
            FrozenTrial lost = storage.trial(STUDY, killed).orElseThrow();
            assertThat(lost.state()).isEqualTo(TrialState.STALE);
            List<FrozenTrial> retries = trials.stream().filter(t -> Integer.toString(killed)
                    .equals(t.attributes().get(Study.RETRY_OF_ATTRIBUTE))).toList();
            assertThat(retries).hasSize(1);
            assertThat(retries.get(0).state()).isEqualTo(TrialState.COMPLETE);
            assertThat(retries.get(0).architecture()).isEqualTo(lost.architecture());
            assertThat(pid(retries.get(0))).isNotEqualTo(victim.pid());
            Set<Long> pids = complete.stream().map(PostgresWorkersTest::pid)
                    .collect(Collectors.toSet());
            // The processes start one after another on a loaded machine, so at least the
            // first process and one worker share the trials. Usually all three survivors do.
            assertThat(pids).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    private static List<String> withTiming(List<String> timing, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(timing);
        return all;
    }

    private Process start(String name, List<String> args) throws IOException {
        Process process = Subprocess.start(logs, name, args);
        processes.add(process);
        return process;
    }

    private static Optional<Integer> runningTrialOf(Storage storage, Process process) {
        return storage.trials(STUDY).stream()
                .filter(t -> t.state() == TrialState.RUNNING && pid(t) == process.pid())
                .map(FrozenTrial::number).findFirst();
    }

    private static long pid(FrozenTrial trial) {
        return Worker.parse(trial.attributes().get(Worker.ATTRIBUTE)).map(Worker::pid).orElse(-1L);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration limit)
            throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", limit).isBefore(end);
            Thread.sleep(50);
        }
    }

    private static void execute(String sql) {
        java.net.URI uri = java.net.URI.create(System.getenv("ARCHFORGE_TEST_POSTGRES"));
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
