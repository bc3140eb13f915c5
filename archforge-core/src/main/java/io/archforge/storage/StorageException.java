package io.archforge.storage;

/** A storage operation failed: the store is unreachable, unwritable or corrupt. */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
