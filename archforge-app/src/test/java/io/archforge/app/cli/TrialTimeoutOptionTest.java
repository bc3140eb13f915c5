package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --trial-timeout}: trials past the limit end FAILED and the search goes on; the
 * limit is stored with the study, so a resumed search and a worker apply it.
 */
class TrialTimeoutOptionTest {

    private static final String SLOW_LIMIT = "exceeded the trial time limit of 100ms";

    @TempDir
    Path dir;

    private static List<String> search(String store, String... extra) {
        List<String> args = new ArrayList<>(List.of("search", "--benchmark", "nb201",
                "--dataset", "cifar10", "--storage", store, "--study", "t",
                "--trial-delay", "300ms"));
        args.addAll(List.of(extra));
        return args;
    }

    private static Cli.Result run(List<String> args) {
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    private static List<FrozenTrial> trials(String store) {
        try (Storage storage = Storages.open(store)) {
            return storage.trials("t");
        }
    }

    private static Map<String, String> attributes(String store) {
        try (Storage storage = Storages.open(store)) {
            return storage.studyAttributes("t");
        }
    }

    @Test
    void storedLimitAppliesOnResumeAndWorker() {
        String store = dir.resolve("studies.db").toString();

        run(search(store, "--trials", "2", "--trial-timeout", "5s"));
        assertThat(attributes(store)).containsEntry(TrialTimeouts.ATTRIBUTE, "5000");
        assertThat(trials(store)).hasSize(2).allMatch(t -> t.state() == TrialState.COMPLETE);

        // A resumed search with a tighter limit replaces the stored one.
        run(search(store, "--trials", "4", "--trial-timeout", "100ms"));
        assertThat(attributes(store)).containsEntry(TrialTimeouts.ATTRIBUTE, "100");
        assertThat(trials(store).subList(2, 4)).allSatisfy(trial -> {
            assertThat(trial.state()).isEqualTo(TrialState.FAILED);
            assertThat(trial.error()).contains(SLOW_LIMIT);
        });

        // A worker without the option applies the stored limit.
        run(List.of("worker", "--storage", store, "--study", "t", "--trials", "5"));
        assertThat(trials(store)).hasSize(5);
        assertThat(trials(store).get(4).error()).contains(SLOW_LIMIT);

        // A worker with the option replaces it again.
        run(List.of("worker", "--storage", store, "--study", "t", "--trials", "6",
                "--trial-timeout", "1m"));
        assertThat(attributes(store)).containsEntry(TrialTimeouts.ATTRIBUTE, "60000");
        assertThat(trials(store).get(5).state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void executorTrialsObeyStoredLimit() {
        String store = dir.resolve("parallel.db").toString();
        run(search(store, "--trials", "2", "--parallel", "2"));

        run(search(store, "--trials", "4", "--parallel", "2", "--trial-timeout", "100ms"));

        List<FrozenTrial> trials = trials(store);
        assertThat(trials).hasSize(4);
        assertThat(trials.subList(0, 2)).allMatch(t -> t.state() == TrialState.COMPLETE);
        assertThat(trials.subList(2, 4)).allSatisfy(trial -> {
            assertThat(trial.state()).isEqualTo(TrialState.FAILED);
            assertThat(trial.error()).contains(SLOW_LIMIT);
        });
    }

    @Test
    void invalidLimitIsRejected() {
        Path store = dir.resolve("rejected.db");

        Cli.assertSearchRejected(store, "invalid --trial-timeout '0s': the duration must be "
                + "positive", List.of("--benchmark", "nb201", "--dataset", "cifar10",
                        "--trial-timeout", "0s"));
        Cli.assertSearchRejected(store, "invalid --trial-timeout '10 minutes'",
                List.of("--benchmark", "nb201", "--dataset", "cifar10", "--trial-timeout",
                        "10 minutes"));
        Cli.Result worker = Cli.run("worker", "--storage", store.toString(), "--study", "t",
                "--trial-timeout", "-1s");
        assertThat(worker.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(worker.errLines()).singleElement().asString()
                .contains("invalid --trial-timeout '-1s'");
    }
}
