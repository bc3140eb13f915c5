package io.archforge.strategy;

import io.archforge.encoding.Encoding;
import io.archforge.predictor.Predictors;
import io.archforge.strategy.bo.Bananas;
import io.archforge.strategy.bo.BananasOptions;
import io.archforge.strategy.bo.BayesianStrategy;
import io.archforge.strategy.bo.GaussianProcessBo;
import io.archforge.strategy.bo.GaussianProcessOptions;
import io.archforge.strategy.bo.ParEgo;
import io.archforge.strategy.bo.ParEgoOptions;
import io.archforge.strategy.bo.SearchOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The built-in strategies, looked up by the name given to {@code --strategy}. */
public final class Strategies {

    private Strategies() {
    }

    /** The names of the built-in strategies. */
    public static List<String> names() {
        return List.of(
                RandomSearch.NAME,
                RegularizedEvolution.NAME,
                Reinforce.NAME,
                LocalSearch.NAME,
                Bananas.NAME,
                GaussianProcessBo.NAME,
                Tpe.NAME,
                Npenas.NAME,
                Nsga2.NAME,
                RegularizedEvolution.MULTI_OBJECTIVE_NAME,
                ParEgo.NAME);
    }

    /**
     * Creates the strategy named {@code name} with string options, such as
     * {@code population=20} for evolution. The option {@code predictor} of the Bayesian
     * strategies may name a predictor of {@link Predictors}, which this method resolves.
     *
     * @throws IllegalArgumentException naming the valid strategies when there is none of
     *     that name, or naming an unknown or invalid option
     */
    public static Strategy create(String name, Map<String, String> options) {
        return create(name, options, Predictors.names());
    }

    /**
     * Creates the strategy named {@code name} with string options, where the option
     * {@code predictor} of the Bayesian strategies ({@code bananas}, {@code gp-bo} and
     * {@code npenas}) may take any of {@code predictors}. A name of {@link Predictors}
     * is resolved here, on the option {@code encoding} when given and else on the
     * predictor's default encoding. For any other name the caller resolves the factory
     * and passes it to {@link BayesianStrategy#usePredictor} before the first proposal.
     *
     * @throws IllegalArgumentException naming the valid strategies when there is none of
     *     that name, or naming an unknown or invalid option
     */
    public static Strategy create(String name, Map<String, String> options,
            List<String> predictors) {
        Strategy strategy = createNamed(name, options, predictors);
        if (strategy instanceof BayesianStrategy bayesian) {
            useModulePredictor(bayesian, options);
        }
        return strategy;
    }

    private static Strategy createNamed(String name, Map<String, String> options,
            List<String> predictors) {
        return switch (name) {
            case RandomSearch.NAME -> {
                if (!options.isEmpty()) {
                    throw new IllegalArgumentException("unknown random search options "
                            + new TreeSet<>(options.keySet())
                            + "; random search takes no options");
                }
                yield new RandomSearch();
            }
            case RegularizedEvolution.NAME ->
                    new RegularizedEvolution(EvolutionOptions.parse(options));
            case Reinforce.NAME -> new Reinforce(ReinforceOptions.parse(options));
            case LocalSearch.NAME -> new LocalSearch(LocalSearchOptions.parse(options));
            case Bananas.NAME -> new Bananas(BananasOptions.parse(options, predictors));
            case GaussianProcessBo.NAME ->
                    new GaussianProcessBo(GaussianProcessOptions.parse(options, predictors));
            case Tpe.NAME -> new Tpe(TpeOptions.parse(options));
            case Npenas.NAME -> new Npenas(NpenasOptions.parse(options, predictors));
            case Nsga2.NAME -> new Nsga2(Nsga2Options.parse(options));
            case RegularizedEvolution.MULTI_OBJECTIVE_NAME ->
                    RegularizedEvolution.multiObjective(EvolutionOptions.parse(options));
            case ParEgo.NAME -> new ParEgo(ParEgoOptions.parse(options, predictors));
            default -> throw new IllegalArgumentException(
                    "unknown strategy '" + name + "'; valid strategies are " + names());
        };
    }

    /** Gives {@code strategy} the factory of its named predictor when this module has it. */
    private static void useModulePredictor(BayesianStrategy strategy,
            Map<String, String> options) {
        Optional<String> name = strategy.search().predictor();
        if (name.isEmpty() || !Predictors.names().contains(name.get())) {
            return;
        }
        Encoding encoding = Optional.ofNullable(options.get(SearchOptions.ENCODING))
                .map(Encoding::parse)
                .orElse(Predictors.defaultEncoding(name.get()));
        Predictors.factory(name.get(), encoding).ifPresent(strategy::usePredictor);
    }
}
