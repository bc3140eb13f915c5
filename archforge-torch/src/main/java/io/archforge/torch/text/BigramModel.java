package io.archforge.torch.text;

/**
 * A character bigram model with additive smoothing: {@code P(b | a) = (count(a b) + k) /
 * (count(a) + k V)} over the {@code V} token ids of the training vocabulary, counted on
 * the training tokens. It is the baseline that the transformers' held-out perplexity is
 * compared with.
 */
public final class BigramModel {

    private final int vocabulary;
    private final double smoothing;
    private final long[][] pairs;
    private final long[] contexts;

    private BigramModel(int vocabulary, double smoothing, long[][] pairs, long[] contexts) {
        this.vocabulary = vocabulary;
        this.smoothing = smoothing;
        this.pairs = pairs;
        this.contexts = contexts;
    }

    /**
     * Counts the bigrams of the training tokens.
     *
     * @param smoothing the pseudo-count {@code k} added to every bigram, above 0
     */
    public static BigramModel fit(TokenSplit data, double smoothing) {
        if (!(smoothing > 0) || Double.isInfinite(smoothing)) {
            throw new IllegalArgumentException("smoothing must be a positive number, got "
                    + smoothing);
        }
        int size = data.vocabulary().size();
        long[][] pairs = new long[size][size];
        long[] contexts = new long[size];
        for (int i = 0; i + 1 < data.trainLength(); i++) {
            pairs[data.train(i)][data.train(i + 1)]++;
            contexts[data.train(i)]++;
        }
        return new BigramModel(size, smoothing, pairs, contexts);
    }

    /** Returns {@code P(next | previous)}. */
    public double probability(int previous, int next) {
        return (pairs[previous][next] + smoothing) / (contexts[previous] + smoothing * vocabulary);
    }

    /** Returns the mean cross-entropy per held-out token after the first, in nats. */
    public double crossEntropy(TokenSplit data) {
        double sum = 0;
        int predicted = data.heldOutLength() - 1;
        for (int i = 0; i < predicted; i++) {
            sum -= Math.log(probability(data.heldOut(i), data.heldOut(i + 1)));
        }
        return sum / predicted;
    }
}
