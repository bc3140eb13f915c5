package io.archforge.app.reliability;

import io.archforge.store.jdbc.Storages;
import java.nio.file.Path;
import java.util.Objects;

/** The store of the crash harness's studies. */
public sealed interface CrashStore {

    /** Returns the {@code --storage} value of the study named {@code study}. */
    String location(String study);

    /** Returns a description for reports, without a password. */
    String describe();

    /**
     * A fresh SQLite file for every study, in {@code directory}, so that no study shares
     * the evaluation cache of another.
     */
    record SqliteFiles(Path directory) implements CrashStore {

        public SqliteFiles {
            Objects.requireNonNull(directory, "directory");
        }

        @Override
        public String location(String study) {
            return "sqlite:" + directory.resolve(study + ".db");
        }

        @Override
        public String describe() {
            return "SQLite, one file per study in " + directory;
        }
    }

    /**
     * One store for every study, such as a PostgreSQL database: the studies differ by
     * name, and they share the store's evaluation cache.
     */
    record Shared(String url) implements CrashStore {

        public Shared {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String location(String study) {
            return url;
        }

        @Override
        public String describe() {
            return Storages.redact(url);
        }
    }
}
