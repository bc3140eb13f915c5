package io.archforge.torch.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * The characters of a training text, each with a token id. Ids follow code-point order,
 * and one extra id, the last, stands for any character the training text lacks.
 *
 * <p>Characters are Unicode code points, so a character outside the Basic Multilingual
 * Plane is one token.
 */
public final class CharVocabulary {

    private final int[] codePoints;

    private CharVocabulary(int[] codePoints) {
        this.codePoints = codePoints;
    }

    /** Builds the vocabulary of the distinct code points of {@code text}. */
    public static CharVocabulary of(String text) {
        Objects.requireNonNull(text, "text");
        return new CharVocabulary(text.codePoints().distinct().sorted().toArray());
    }

    /** Returns the number of token ids: the distinct characters plus the unknown id. */
    public int size() {
        return codePoints.length + 1;
    }

    /** Returns the id of characters the training text lacks. */
    public int unknownId() {
        return codePoints.length;
    }

    /** Returns the token id of each code point of {@code text}. */
    public int[] encode(String text) {
        return text.codePoints().map(this::id).toArray();
    }

    /** Returns the token id of one code point. */
    public int id(int codePoint) {
        int index = Arrays.binarySearch(codePoints, codePoint);
        return index >= 0 ? index : unknownId();
    }
}
