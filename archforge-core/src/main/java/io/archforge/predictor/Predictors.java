package io.archforge.predictor;

import io.archforge.encoding.Encoding;
import io.archforge.predictor.surrogate.GaussianProcess;
import io.archforge.predictor.surrogate.MlpEnsemble;
import java.util.List;
import java.util.Optional;

/**
 * The predictors built from this module's surrogates, by name: {@value #GP} and
 * {@value #MLP_ENSEMBLE}. Other modules add predictors that need their libraries.
 */
public final class Predictors {

    /** A Gaussian process on the chosen encoding. */
    public static final String GP = "gp";
    /** The BANANAS ensemble of MLPs on the chosen encoding. */
    public static final String MLP_ENSEMBLE = "mlp-ensemble";

    /** The MLP ensemble's settings: 5 networks of 2 hidden layers of 32 units. */
    public static final MlpEnsemble.Settings MLP_SETTINGS =
            new MlpEnsemble.Settings(5, 2, 32, 200, 32, 0.01, 1000);

    private Predictors() {
    }

    /** The names of this module's predictors. */
    public static List<String> names() {
        return List.of(GP, MLP_ENSEMBLE);
    }

    /** The encoding each predictor reads when none is chosen. */
    public static Encoding defaultEncoding(String name) {
        return switch (name) {
            case MLP_ENSEMBLE -> Encoding.PATH;
            default -> Encoding.ONE_HOT;
        };
    }

    /**
     * The factory of the predictor named {@code name} on {@code encoding}, or empty when
     * this module has none of that name.
     */
    public static Optional<PredictorFactory> factory(String name, Encoding encoding) {
        return switch (name) {
            case GP -> Optional.of((space, seed) -> new EncodedPredictor(GP, space,
                    encoding.encoder(space), random -> new GaussianProcess(), 2, seed));
            case MLP_ENSEMBLE -> Optional.of((space, seed) -> new EncodedPredictor(MLP_ENSEMBLE,
                    space, encoding.encoder(space), random -> new MlpEnsemble(MLP_SETTINGS, random),
                    2, seed));
            default -> Optional.empty();
        };
    }
}
