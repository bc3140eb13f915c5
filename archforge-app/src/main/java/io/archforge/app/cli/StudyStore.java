package io.archforge.app.cli;

import io.archforge.app.setup.StorageLocation;
import io.archforge.storage.Storage;
import io.archforge.study.FrozenTrial;
import io.archforge.study.StudyConfig;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --storage} option of the read-only study commands, and the look-up of one study. */
final class StudyStore {

    @Option(names = "--storage", paramLabel = "PATH",
            description = "Study store: PATH or sqlite:PATH (SQLite), or postgresql://... "
                    + "(default: ~/.archforge/studies.db).")
    String storage;

    /**
     * Parses and checks the location as {@code search} does, but writes nothing: the
     * read-only commands never create a missing SQLite file.
     *
     * @throws UsageException when the value has no known form or cannot hold a store
     */
    StorageLocation location() {
        StorageLocation location = StorageLocation.parse(storage);
        location.requireUsable();
        return location;
    }

    /** A stored study: its configuration, its trials ordered by number, and its attributes. */
    record StoredStudy(StudyConfig config, List<FrozenTrial> trials,
            Map<String, String> attributes) {
    }

    /**
     * Reads study {@code name} from the store; a missing store or study is bad input.
     */
    StoredStudy read(String name) {
        StorageLocation location = location();
        if (!location.exists()) {
            throw notFound(name, location.toString());
        }
        try (Storage storage = location.open()) {
            return new StoredStudy(require(storage, name), storage.trials(name),
                    storage.studyAttributes(name));
        }
    }

    /**
     * Loads study {@code name}.
     *
     * @throws UsageException when the study is not in the store
     */
    static StudyConfig require(Storage store, String name) {
        return store.loadStudy(name).orElseThrow(() -> notFound(name, store.location()));
    }

    /** The error for a study that is not in the store. */
    static UsageException notFound(String name, String location) {
        return new UsageException("study '" + name + "' not found in " + location
                + "; run 'archforge study list' to see the stored studies");
    }
}
