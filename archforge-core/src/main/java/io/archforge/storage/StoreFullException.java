package io.archforge.storage;

import java.util.Objects;

/**
 * A write failed because the disk that contains the store is full. Every write before it
 * is intact, and the failed one left nothing behind, so the same command resumes the
 * study once space is free. A trial whose final write failed stays RUNNING and is
 * evaluated again on resume. The message names the store and the fix.
 */
public final class StoreFullException extends StorageException {
    private static final long serialVersionUID = 1L;

    private final String store;

    /**
     * Creates the exception.
     *
     * @param store the store as shown to users: a file path, or a URL without its password
     * @param message the whole message, naming the store and the fix
     */
    public StoreFullException(String store, String message, Throwable cause) {
        super(message, cause);
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Returns the store whose disk is full, in the form messages use. */
    public String store() {
        return store;
    }
}
