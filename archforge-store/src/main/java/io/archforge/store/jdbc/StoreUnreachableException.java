package io.archforge.store.jdbc;

import io.archforge.storage.StorageException;
import java.sql.SQLException;

/**
 * The database server of a store did not accept a connection: it is down, or the host
 * or port is wrong. Unlike a malformed location, this is a failure of the environment,
 * and the same command may succeed once the server is up.
 */
public final class StoreUnreachableException extends StorageException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    StoreUnreachableException(String message, String reason, SQLException cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Returns the driver's first line about the failed connection. */
    public String reason() {
        return reason;
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
