package io.archforge.torch.darts;

/** Thrown before a search starts when its memory estimate does not fit. */
public final class SearchMemoryException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public SearchMemoryException(String message) {
        super(message);
    }
}
