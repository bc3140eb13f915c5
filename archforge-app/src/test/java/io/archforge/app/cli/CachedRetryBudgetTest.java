package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search with a training-epoch budget, killed after its evaluation cache stored a
 * trial's result and before the trial itself was finished, must end with the same
 * completed trials as one that was never killed.
 */
class CachedRetryBudgetTest {

    private static final List<String> SEARCH = List.of("search", "--benchmark", "nb201",
            "--dataset", "cifar10", "--seed", "3", "--study", "s", "--json");

    @TempDir
    Path dir;

    @Test
    void cachedRetryKeepsEpochBudget() throws Exception {
        Path uninterrupted = dir.resolve("uninterrupted.db");
        Path killed = dir.resolve("killed.db");
        assertThat(search(uninterrupted, "1000").exitCode()).isZero();
        List<FrozenTrial> expected = Subprocess.trials(uninterrupted, "s");

        // What a kill between the cache write and the finish of trial 2 leaves behind.
        assertThat(search(killed, "400").exitCode()).isZero();
        FrozenTrial third = expected.get(2);
        try (Storage storage = Storages.open(killed.toString())) {
            assertThat(storage.createTrial("s", third.architecture(), third.seed(),
                    Map.of("strategy", "evolution"))).isEqualTo(2);
        }
        copyCacheEntry(uninterrupted, killed, third.architecture());
        Cli.Result resumed = search(killed, "1000");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        List<FrozenTrial> actual = Subprocess.trials(killed, "s");
        assertThat(actual.get(2).state()).isEqualTo(TrialState.STALE);
        assertThat(completed(actual)).isEqualTo(completed(expected));
    }

    private static Cli.Result search(Path store, String epochs) {
        List<String> args = new ArrayList<>(SEARCH);
        args.addAll(List.of("--storage", store.toString(), "--budget-epochs", epochs));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Copies the cached evaluation of {@code architecture} between two SQLite stores. */
    private static void copyCacheEntry(Path from, Path to, String architecture)
            throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + to);
                Statement attach = connection.createStatement()) {
            attach.execute("ATTACH DATABASE '" + from + "' AS source");
            try (PreparedStatement copy = connection.prepareStatement("INSERT INTO "
                    + "evaluation_cache SELECT * FROM source.evaluation_cache "
                    + "WHERE attributes LIKE ?")) {
                copy.setString(1, "%" + architecture + "%");
                assertThat(copy.executeUpdate()).isEqualTo(1);
            }
        }
    }

    /** Returns the architecture and seed of each COMPLETE trial, in order. */
    private static List<String> completed(List<FrozenTrial> trials) {
        return trials.stream().filter(t -> t.state() == TrialState.COMPLETE)
                .map(t -> t.architecture() + " seed " + t.seed()).toList();
    }
}
