package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** {@code archforge worker}: joins a stored study with only its store and name. */
class WorkerCommandTest {

    @TempDir
    Path dir;

    @Test
    void workerRunsAStoredStudyToItsStoredBudget() {
        String store = dir.resolve("studies.db").toString();
        Cli.Result created = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar100",
                "--storage", store, "--study", "shared", "--trials", "12", "--time-limit", "1s",
                "--trial-delay", "400ms");
        assertThat(created.exitCode()).as(created.err()).isZero();

        Cli.Result worker = Cli.run("worker", "--storage", store, "--study", "shared",
                "--parallel", "2", "--json");

        assertThat(worker.exitCode()).as(worker.err()).isZero();
        assertThat(Cli.parse(worker.out()).get("stop_reason").asText()).isEqualTo("trial_budget");
        try (Storage storage = Storages.open(store)) {
            assertThat(storage.trials("shared")).filteredOn(t -> t.state() == TrialState.COMPLETE)
                    .hasSize(12).extracting(FrozenTrial::architecture).doesNotHaveDuplicates();
            assertThat(storage.studyAttributes("shared")).containsEntry(StudyBudgets.TRIALS, "12");
            assertThat(storage.loadStudy("shared").orElseThrow().evaluatorOptions())
                    .containsEntry("trial_delay_ms", "400").containsEntry("dataset", "cifar100");
        }
    }

    @Test
    void unknownStudyNamesTheStudiesThere() {
        String store = dir.resolve("studies.db").toString();
        assertThat(Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10", "--storage",
                store, "--study", "present", "--trials", "2").exitCode()).isZero();

        Cli.Result result = Cli.run("worker", "--storage", store, "--study", "absent");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no study 'absent'").contains("present")
                .contains("--study absent");
    }

    @Test
    void badExecutionOptionsWriteNothing() {
        Path store = dir.resolve("new.db");

        Cli.Result parallel = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--storage", store.toString(), "--parallel", "0");
        Cli.Result spark = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--storage", store.toString(), "--executor", "spark");
        Cli.Result master = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--storage", store.toString(), "--spark-master", "local[2]");
        Cli.Result heartbeat = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--storage", store.toString(), "--heartbeat", "10s", "--stale-after", "5s");
        Cli.Result delay = Cli.run("search", "--dataset", "fashion-mnist", "--storage",
                store.toString(), "--trial-delay", "1s");
        Cli.Result localOption = Cli.run("search", "--benchmark", "nb201", "--dataset",
                "cifar10", "--storage", store.toString(), "--executor-option", "max_failures=3");
        Cli.Result missingStore = Cli.run("worker", "--storage", store.toString(), "--study",
                "any");

        assertThat(parallel.exitCode()).isEqualTo(2);
        assertThat(parallel.err()).contains("--parallel must be at least 1");
        assertThat(spark.exitCode()).isEqualTo(2);
        assertThat(spark.err()).contains("archforge-spark");
        assertThat(master.exitCode()).isEqualTo(2);
        assertThat(master.err()).contains("--spark-master local[2] needs --executor spark");
        assertThat(heartbeat.exitCode()).isEqualTo(2);
        assertThat(heartbeat.err())
                .contains("--stale-after 5s must be longer than --heartbeat 10s");
        assertThat(delay.exitCode()).isEqualTo(2);
        assertThat(delay.err()).contains("--trial-delay applies to the tabular benchmark only");
        assertThat(localOption.exitCode()).isEqualTo(2);
        assertThat(localOption.err()).contains("max_failures").contains("local executor");
        assertThat(missingStore.exitCode()).isEqualTo(2);
        assertThat(missingStore.err()).contains("does not exist");
        assertThat(Files.exists(store)).isFalse();
    }

    @Test
    void schedulerWithAnExecutorIsRejected() {
        Path store = dir.resolve("studies.db");

        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--storage", store.toString(), "--scheduler", "asha", "--parallel", "2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--scheduler asha runs trials in this process only");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "ARCHFORGE_TEST_POSTGRES",
            matches = ".+://[^:/]+:[^@]+@.+")
    void wrongPasswordIsOneClearMessageWithoutThePassword() {
        String url = System.getenv("ARCHFORGE_TEST_POSTGRES")
                .replaceFirst("://([^:/]+):[^@]+@", "://$1:not-the-password@");

        Cli.Result result = Cli.run("worker", "--storage", url, "--study", "any");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("refused the login").contains("fix the user name or "
                + "password").doesNotContain("not-the-password");
    }

    @Test
    void unreachableServerIsOneClearMessage() {
        Cli.Result result = Cli.run("worker", "--storage", "postgresql://nas@127.0.0.1:1/studies",
                "--study", "any");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("127.0.0.1:1 is not reachable")
                .contains("start the server");
    }
}
