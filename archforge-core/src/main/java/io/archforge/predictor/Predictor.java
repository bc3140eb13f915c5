package io.archforge.predictor;

import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * A performance predictor: a model fitted to evaluated architectures of one search
 * space that predicts the value of unseen ones, with an uncertainty.
 *
 * <p>Fitting is seeded: a predictor created with the same seed and fitted to the same
 * data gives the same predictions. The exception is a predictor that draws from a
 * generator its caller owns, such as one from {@link EncodedPredictor#drawingFrom}.
 * Instances are not thread-safe.
 */
public interface Predictor {

    /** The predictor's name, such as {@code gp}. */
    String name();

    /** The space whose architectures the predictor reads. */
    SearchSpace space();

    /** Returns the minimum number of training architectures {@link #fit} accepts. */
    int minTrainingSize();

    /**
     * Fits the predictor, replacing any earlier fit.
     *
     * @param architectures the training architectures, all of {@link #space()}
     * @param targets one finite value per architecture
     * @throws IllegalArgumentException when there are fewer than
     *     {@link #minTrainingSize()} architectures, when one is from another space, or
     *     when the targets do not match them
     */
    void fit(List<Architecture> architectures, double[] targets);

    /**
     * Predicts the value of one architecture of {@link #space()}.
     *
     * @throws IllegalStateException when called before {@link #fit}
     * @throws IllegalArgumentException when the architecture is from another space
     */
    Prediction predict(Architecture architecture);

    /**
     * Returns the predicted probability that the architecture's value is below
     * {@code threshold}. By default it comes from the prediction's normal distribution. A
     * predictor fitted on transformed targets computes it on its own scale, where its
     * distribution holds.
     */
    default double cdf(Architecture architecture, double threshold) {
        return predict(architecture).cdf(threshold);
    }

    /** Predicts several architectures, in order. */
    default List<Prediction> predict(List<Architecture> architectures) {
        List<Prediction> predictions = new ArrayList<>(architectures.size());
        for (Architecture architecture : architectures) {
            predictions.add(predict(architecture));
        }
        return predictions;
    }
}
