package io.archforge.torch.text;

/**
 * The held-out score and the costs of training one character transformer.
 *
 * @param crossEntropy the mean cross-entropy per held-out character, in nats
 * @param trainSeconds the seconds spent in optimizer steps
 * @param finalLoss the mean training loss of the last epoch, in nats
 * @param steps the optimizer steps taken
 */
public record CharTrainingResult(double crossEntropy, double trainSeconds, double finalLoss,
        int steps) {

    /** Returns the perplexity per character: {@code exp(crossEntropy)}. */
    public double perplexity() {
        return Math.exp(crossEntropy);
    }

    /** Returns the bits per character: {@code crossEntropy / ln 2}. */
    public double bitsPerChar() {
        return crossEntropy / Math.log(2);
    }
}
