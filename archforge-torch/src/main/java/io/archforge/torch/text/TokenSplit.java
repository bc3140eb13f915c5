package io.archforge.torch.text;

import java.util.Objects;

/**
 * A corpus as token ids: the vocabulary of its training part, and both parts encoded
 * with it. Held-out characters that the training part lacks become the unknown id.
 */
public final class TokenSplit {

    private final CharVocabulary vocabulary;
    private final int[] train;
    private final int[] heldOut;

    private TokenSplit(CharVocabulary vocabulary, int[] train, int[] heldOut) {
        this.vocabulary = vocabulary;
        this.train = train;
        this.heldOut = heldOut;
    }

    /**
     * Encodes a corpus.
     *
     * @throws TextDataException when a part contains fewer than {@code context + 1} characters
     */
    public static TokenSplit of(TextCorpus corpus, int context) {
        Objects.requireNonNull(corpus, "corpus");
        corpus.requireWindows(context);
        CharVocabulary vocabulary = CharVocabulary.of(corpus.trainText());
        TokenSplit split = new TokenSplit(vocabulary, vocabulary.encode(corpus.trainText()),
                vocabulary.encode(corpus.heldOutText()));
        if (split.heldOut.length < context + 1) {
            throw new TextDataException("the held-out part of text " + corpus.source()
                    + " has " + split.heldOut.length + " characters, fewer than a window of "
                    + (context + 1) + "; use a longer text");
        }
        return split;
    }

    /** Returns the vocabulary of the training part. */
    public CharVocabulary vocabulary() {
        return vocabulary;
    }

    /** Returns the number of training tokens. */
    public int trainLength() {
        return train.length;
    }

    /** Returns the number of held-out tokens. */
    public int heldOutLength() {
        return heldOut.length;
    }

    /** Returns the training token at {@code index}. */
    public int train(int index) {
        return train[index];
    }

    /** Returns the held-out token at {@code index}. */
    public int heldOut(int index) {
        return heldOut[index];
    }
}
