package io.archforge.strategy;

import io.archforge.strategy.bo.Bananas;
import io.archforge.strategy.bo.BananasOptions;
import io.archforge.strategy.bo.GaussianProcessBo;
import io.archforge.strategy.bo.GaussianProcessOptions;
import java.util.List;
import java.util.Map;
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
                Tpe.NAME);
    }

    /**
     * Creates the strategy named {@code name} with string options, such as
     * {@code population=20} for evolution.
     *
     * @throws IllegalArgumentException naming the valid strategies when there is none of
     *     that name, or naming an unknown or invalid option
     */
    public static Strategy create(String name, Map<String, String> options) {
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
            case Bananas.NAME -> new Bananas(BananasOptions.parse(options));
            case GaussianProcessBo.NAME ->
                    new GaussianProcessBo(GaussianProcessOptions.parse(options));
            case Tpe.NAME -> new Tpe(TpeOptions.parse(options));
            default -> throw new IllegalArgumentException(
                    "unknown strategy '" + name + "'; valid strategies are " + names());
        };
    }
}
