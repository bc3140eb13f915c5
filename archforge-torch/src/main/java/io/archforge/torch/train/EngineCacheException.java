package io.archforge.torch.train;

/**
 * The directory where DJL unpacks the PyTorch native library cannot be created or
 * written, so the engine cannot start. The message names the directory and the
 * setting to change.
 */
public final class EngineCacheException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    EngineCacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
