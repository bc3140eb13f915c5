package io.archforge.app.refine;

/**
 * The optional language-model step failed: the endpoint was unreachable, timed out,
 * returned an HTTP error, or replied with something other than the requested JSON.
 * The message names the endpoint without credentials and never contains the API key.
 */
public final class LanguageModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LanguageModelException(String message) {
        super(message);
    }

    public LanguageModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
