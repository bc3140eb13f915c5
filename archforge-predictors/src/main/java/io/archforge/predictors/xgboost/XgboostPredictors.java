package io.archforge.predictors.xgboost;

import io.archforge.encoding.Encoder;
import io.archforge.encoding.Encoding;
import io.archforge.predictor.EncodedPredictor;
import io.archforge.predictor.PredictorFactory;
import io.archforge.predictor.surrogate.CopulaSurrogate;
import io.archforge.space.SearchSpace;
import java.util.Objects;
import java.util.function.Function;

/** The XGBoost predictor, {@value #NAME}: an {@link XgboostSurrogate} on an encoding. */
public final class XgboostPredictors {

    /** The predictor's name. */
    public static final String NAME = "xgboost";

    /** The encoding the predictor reads when none is chosen. */
    public static final Encoding DEFAULT_ENCODING = Encoding.ADJACENCY;

    /** The minimum number of training architectures a fit accepts. */
    public static final int MIN_TRAINING_SIZE = 2;

    private XgboostPredictors() {
    }

    /**
     * Returns a factory of the XGBoost predictor on {@code encoding}, with
     * {@link XgboostSurrogate.Settings#DEFAULT}.
     */
    public static PredictorFactory factory(Encoding encoding) {
        Objects.requireNonNull(encoding, "encoding");
        return factory(encoding::encoder);
    }

    /**
     * Returns a factory of the XGBoost predictor on the encoder {@code encoders} creates
     * for each space, with {@link XgboostSurrogate.Settings#DEFAULT}, fitted to the Gaussian
     * copula transform of the targets as the core predictors are ({@link CopulaSurrogate}).
     */
    public static PredictorFactory factory(Function<SearchSpace, Encoder> encoders) {
        Objects.requireNonNull(encoders, "encoders");
        return (space, seed) -> new EncodedPredictor(NAME, space, encoders.apply(space),
                random -> new CopulaSurrogate(
                        new XgboostSurrogate(XgboostSurrogate.Settings.DEFAULT, random)),
                MIN_TRAINING_SIZE, seed);
    }
}
