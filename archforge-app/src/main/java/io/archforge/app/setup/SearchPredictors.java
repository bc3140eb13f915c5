package io.archforge.app.setup;

import io.archforge.app.cli.UsageException;
import io.archforge.strategy.Strategies;
import io.archforge.strategy.Strategy;
import io.archforge.strategy.bo.BayesianStrategy;
import io.archforge.strategy.bo.SearchOptions;
import java.util.Map;
import java.util.Optional;

/**
 * The performance predictor of a model-based search, set with
 * {@code --strategy-option predictor=NAME} (and {@code encoding=NAME} for predictors
 * that read an encoding) for {@code bananas}, {@code gp-bo} and {@code npenas}. The
 * name is stored with the study's strategy options and resolved through
 * {@link PredictorCatalog} whenever the strategy is created, so a resumed study fits
 * the same predictor.
 */
public final class SearchPredictors {

    private SearchPredictors() {
    }

    /**
     * Creates the strategy of a study from its options, which may name any predictor of
     * the catalog, and gives it the named predictor.
     *
     * @throws IllegalArgumentException naming an unknown strategy, option or predictor
     */
    public static Strategy create(String strategy, Map<String, String> options) {
        return apply(Strategies.create(strategy, options, PredictorCatalog.names()), options);
    }

    /**
     * Returns {@code strategy} after giving it the predictor that {@code options} name, on
     * the option {@code encoding} when given and else on the predictor's default one.
     * A strategy whose options name no predictor is returned unchanged.
     *
     * @throws UsageException when the options name an unknown predictor or encoding
     */
    public static Strategy apply(Strategy strategy, Map<String, String> options) {
        String name = options.get(SearchOptions.PREDICTOR);
        if (name == null || !(strategy instanceof BayesianStrategy bayesian)) {
            return strategy;
        }
        Optional<String> encoding = Optional.ofNullable(options.get(SearchOptions.ENCODING));
        bayesian.usePredictor(PredictorCatalog.factory(name.strip(), encoding));
        return strategy;
    }

    /**
     * Checks that a named predictor and the proxy settings of {@link SearchProxies} can
     * work together: a proxy used as a model input extends the encoding of the
     * strategy's own model, which a named predictor replaces.
     *
     * @throws UsageException when both are set
     */
    public static void requireCompatible(Map<String, String> options) {
        String name = options.get(SearchOptions.PREDICTOR);
        if (name != null && "surrogate".equals(options.get(SearchProxies.USE))) {
            throw new UsageException("--proxy-use surrogate feeds the proxy to the strategy's "
                    + "own model, which --strategy-option predictor=" + name + " replaces; "
                    + "drop the predictor option, or use --proxy-use screen or warmup");
        }
    }
}
