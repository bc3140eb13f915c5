package io.archforge.app.web;

import io.archforge.app.cli.UsageException;
import io.archforge.app.setup.StorageLocation;
import io.archforge.store.jdbc.JdbcStorage;

/**
 * The {@code --storage} value of the commands that read studies without writing them:
 * the default location applies, as for every other command, and a missing SQLite file is
 * bad input rather than a new empty store.
 */
final class ExistingStore {

    private ExistingStore() {
    }

    /**
     * Checks {@code value} and opens the store it names.
     *
     * @throws UsageException when the value is malformed, or names a SQLite file that does
     *     not exist or cannot hold a store
     */
    static Opened open(String value) {
        StorageLocation location = StorageLocation.parse(value);
        location.requireUsable();
        if (!location.exists()) {
            throw new UsageException("no study store at " + location
                    + ": pass the --storage that the search used, or run a search first");
        }
        return new Opened(location, location.open());
    }

    /**
     * An opened store and where it lives.
     *
     * @param location the location as {@code --storage} gave it
     * @param storage the open store, which the caller closes
     */
    record Opened(StorageLocation location, JdbcStorage storage) {
    }
}
