package io.archforge.torch.text;

import java.util.Objects;

/**
 * A text for character-level language modelling, split chronologically: the first
 * {@value #TRAIN_PERCENT}% of its characters train, the rest is held out for scoring.
 *
 * @param name the name of the data set, as the command line writes it
 * @param source where the text was read from, for provenance
 * @param text the whole text
 */
public record TextCorpus(String name, String source, String text) {

    /** The percentage of the characters, counted from the start, that trains. */
    public static final int TRAIN_PERCENT = 90;

    public TextCorpus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Returns the index of the first held-out character, moved one place on when it would
     * split a surrogate pair.
     */
    public int splitIndex() {
        int index = (int) ((long) text.length() * TRAIN_PERCENT / 100);
        if (index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))) {
            index++;
        }
        return index;
    }

    /** Returns the first {@value #TRAIN_PERCENT}% of the text. */
    public String trainText() {
        return text.substring(0, splitIndex());
    }

    /** Returns the held-out last part of the text. */
    public String heldOutText() {
        return text.substring(splitIndex());
    }

    /**
     * Returns the fewest characters a text needs so that its held-out part contains one
     * window of {@code context} inputs and their next characters.
     */
    public static int minimumLength(int context) {
        int heldOut = context + 1;
        return (heldOut * 100 + (100 - TRAIN_PERCENT) - 1) / (100 - TRAIN_PERCENT);
    }

    /**
     * Checks that both parts hold at least one window of {@code context} inputs.
     *
     * @throws TextDataException naming the source, the length and the fix
     */
    public TextCorpus requireWindows(int context) {
        int minimum = minimumLength(context);
        boolean tooShort = text.length() < minimum
                || heldOutText().length() < context + 1 || trainText().length() < context + 1;
        if (tooShort) {
            throw new TextDataException("text " + source + " has " + text.length()
                    + " characters, fewer than the " + minimum + " needed for a context of "
                    + context + " characters: the last " + (100 - TRAIN_PERCENT)
                    + "% is held out and must contain one window plus its next character;"
                    + " use a longer text");
        }
        return this;
    }
}
