package io.archforge.predictor.surrogate;

import io.archforge.predictor.GaussianCopula;
import io.archforge.predictor.Prediction;
import java.util.List;
import java.util.Objects;

/**
 * Fits another surrogate to the {@link GaussianCopula} transform of the targets and
 * maps its predictions back to the target scale.
 *
 * <p>Accuracy tables have long tails of failed networks. A model fitted to raw values
 * spends its capacity on the tail, while normal scores spread the targets evenly and
 * keep the order among the good architectures, which a search needs.
 */
public final class CopulaSurrogate implements Surrogate {

    private final Surrogate inner;
    private GaussianCopula copula;

    /** Wraps {@code inner}, which sees only the transformed targets. */
    public CopulaSurrogate(Surrogate inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public void fit(List<double[]> inputs, double[] targets) {
        Surrogate.checkTrainingSet(inputs, targets);
        GaussianCopula fitted = GaussianCopula.fit(targets);
        inner.fit(inputs, fitted.scores());
        copula = fitted;
    }

    @Override
    public Prediction predict(double[] input) {
        if (copula == null) {
            throw new IllegalStateException("copula surrogate is not fitted; call fit first");
        }
        return copula.toValues(inner.predict(input));
    }

    /** Computed on the score scale, where the inner model's normal distribution holds. */
    @Override
    public double cdf(double[] input, double threshold) {
        if (copula == null) {
            throw new IllegalStateException("copula surrogate is not fitted; call fit first");
        }
        return copula.cdf(inner.predict(input), threshold);
    }
}
