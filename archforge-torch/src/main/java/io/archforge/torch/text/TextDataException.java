package io.archforge.torch.text;

/** Thrown when a text file cannot serve as a language-model corpus; the message names the fix. */
public final class TextDataException extends RuntimeException {

    /** Creates the exception with a message that names the file, the problem and the fix. */
    public TextDataException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the I/O or decoding error behind it. */
    public TextDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
