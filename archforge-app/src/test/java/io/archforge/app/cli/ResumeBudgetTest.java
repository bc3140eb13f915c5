package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.TrialState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study resumed without budget options runs to the budget it was created with. */
class ResumeBudgetTest {

    @TempDir
    Path dir;

    @Test
    void resumeKeepsStoredTrialBudget() {
        String store = dir.resolve("s.db").toString();
        Cli.Result first = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--trials", "7", "--study", "r", "--storage", store, "--json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        leaveOneTrialStale(store);

        Cli.Result resumed = Cli.run("search", "--study", "r", "--storage", store, "--json");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.json().get("completed_trials").asInt()).isEqualTo(7);
        try (Storage storage = Storages.open(store)) {
            assertThat(storage.trials("r")).filteredOn(t -> t.state().isFinished()).hasSize(7);
        }
    }

    @Test
    void explicitTrialsOverrideStoredBudget() {
        String store = dir.resolve("s.db").toString();
        Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10", "--trials", "5",
                "--study", "r", "--storage", store, "--json");

        Cli.Result more = Cli.run("search", "--study", "r", "--storage", store, "--trials", "9",
                "--json");
        Cli.Result again = Cli.run("search", "--study", "r", "--storage", store, "--json");

        assertThat(more.json().get("completed_trials").asInt()).isEqualTo(9);
        assertThat(again.json().get("completed_trials").asInt()).isEqualTo(9);
    }

    /** Turns the last finished trial back into a stale one, as a killed run leaves it. */
    private static void leaveOneTrialStale(String store) {
        try (Storage storage = Storages.open(store)) {
            var last = storage.trials("r").get(6);
            int number = storage.createTrial("r", last.architecture(), last.seed(),
                    java.util.Map.of());
            storage.markStale("r", number);
            assertThat(storage.trial("r", number).orElseThrow().state())
                    .isEqualTo(TrialState.STALE);
        }
    }
}
