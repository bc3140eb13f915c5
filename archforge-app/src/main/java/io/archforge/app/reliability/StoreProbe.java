package io.archforge.app.reliability;

import io.archforge.storage.TrialCounts;
import io.archforge.store.jdbc.JdbcStorage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The crash harness's own connection to a store under test. An SQLite store is opened
 * once its file exists, so that the harness never creates a store before the search does.
 */
final class StoreProbe implements AutoCloseable {

    private final String location;
    private final Optional<Path> file;
    private JdbcStorage storage;

    StoreProbe(String location) {
        this.location = location;
        this.file = Storages.sqliteFile(location);
    }

    /** Returns the trials of {@code study}, or an empty list while it does not exist. */
    List<FrozenTrial> trials(String study) {
        return open() && studyExists(study) ? storage.trials(study) : List.of();
    }

    /** Returns the counts of {@code study}, all 0 while it does not exist. */
    TrialCounts counts(String study) {
        return open() && studyExists(study) ? storage.counts(study) : new TrialCounts(0, 0);
    }

    /** Returns whether the store contains a study named {@code study}. */
    boolean exists(String study) {
        return open() && studyExists(study);
    }

    private boolean studyExists(String study) {
        return storage.loadStudy(study).isPresent();
    }

    private boolean open() {
        if (storage != null) {
            return true;
        }
        if (file.isPresent() && !Files.exists(file.get())) {
            return false;
        }
        storage = Storages.open(location);
        return true;
    }

    @Override
    public void close() {
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }
}
