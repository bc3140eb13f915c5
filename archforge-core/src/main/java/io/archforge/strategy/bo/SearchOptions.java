package io.archforge.strategy.bo;

import io.archforge.strategy.OptionReader;
import io.archforge.encoding.Encoding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings shared by the Bayesian optimisation strategies: the initial design, the
 * candidate pool, the acquisition function, the exploration schedule and the
 * predictor.
 *
 * <p>The option {@code predictor=NAME} replaces the strategy's own model by a named
 * performance predictor. The options only record and check the name; the caller
 * resolves it to a factory and passes that to
 * {@link BayesianStrategy#usePredictor}.
 *
 * @param initialRandom successful trials proposed at random before the surrogate is
 *     used; from 1 to 10,000
 * @param candidates architectures scored per proposal; from 1 to 100,000
 * @param parents best trials whose mutations become candidates; from 1 to 1,000
 * @param acquisition the acquisition function
 * @param ucbBeta the std weight of UCB at exploration level 0; from 0 to 100
 * @param randomShare the share of random candidates at exploration level 0;
 *     from 0 to 1
 * @param patience successful trials without improvement after which exploration
 *     rises one level; from 1 to 10,000
 * @param maxLevel the highest exploration level; from 0 to 10
 * @param transform the map from observed values to surrogate targets
 * @param encoding the architecture encoding the strategy's own model reads
 * @param predictor the name of the predictor that replaces the strategy's own model,
 *     or empty to keep it
 */
public record SearchOptions(int initialRandom, int candidates, int parents,
        Acquisition acquisition, double ucbBeta, double randomShare, int patience,
        int maxLevel, TargetTransform transform, Encoding encoding,
        Optional<String> predictor) {

    public static final String INITIAL_RANDOM = "initial_random";
    public static final String CANDIDATES = "candidates";
    public static final String PARENTS = "parents";
    public static final String ACQUISITION = "acquisition";
    public static final String UCB_BETA = "ucb_beta";
    public static final String RANDOM_SHARE = "random_share";
    public static final String PATIENCE = "patience";
    public static final String MAX_LEVEL = "max_level";
    public static final String TRANSFORM = "transform";
    public static final String ENCODING = "encoding";
    public static final String PREDICTOR = "predictor";

    /** The option keys, in record order. */
    public static final List<String> KEYS = List.of(INITIAL_RANDOM, CANDIDATES, PARENTS,
            ACQUISITION, UCB_BETA, RANDOM_SHARE, PATIENCE, MAX_LEVEL, TRANSFORM, ENCODING,
            PREDICTOR);

    public SearchOptions {
        OptionReader.checkRange(INITIAL_RANDOM, initialRandom, 1, 10_000);
        OptionReader.checkRange(CANDIDATES, candidates, 1, 100_000);
        OptionReader.checkRange(PARENTS, parents, 1, 1_000);
        Objects.requireNonNull(acquisition, ACQUISITION);
        OptionReader.checkRange(UCB_BETA, ucbBeta, 0, 100);
        OptionReader.checkRange(RANDOM_SHARE, randomShare, 0, 1);
        OptionReader.checkRange(PATIENCE, patience, 1, 10_000);
        OptionReader.checkRange(MAX_LEVEL, maxLevel, 0, 10);
        Objects.requireNonNull(transform, TRANSFORM);
        Objects.requireNonNull(encoding, ENCODING);
        Objects.requireNonNull(predictor, PREDICTOR);
        if (predictor.isPresent() && predictor.get().isBlank()) {
            throw new IllegalArgumentException("option " + PREDICTOR
                    + " must name a predictor, got an empty name");
        }
    }

    /** Creates the settings without a named predictor, so the strategy keeps its own model. */
    public SearchOptions(int initialRandom, int candidates, int parents,
            Acquisition acquisition, double ucbBeta, double randomShare, int patience,
            int maxLevel, TargetTransform transform, Encoding encoding) {
        this(initialRandom, candidates, parents, acquisition, ucbBeta, randomShare, patience,
                maxLevel, transform, encoding, Optional.empty());
    }

    /**
     * Reads the shared keys, falling back to {@code defaults} for missing ones.
     *
     * @param predictors the names {@value #PREDICTOR} may take
     * @throws IllegalArgumentException naming the option, the bad value and the valid
     *     ones
     */
    public static SearchOptions read(OptionReader reader, SearchOptions defaults,
            List<String> predictors) {
        return new SearchOptions(
                reader.integer(INITIAL_RANDOM, defaults.initialRandom()),
                reader.integer(CANDIDATES, defaults.candidates()),
                reader.integer(PARENTS, defaults.parents()),
                reader.parsed(ACQUISITION, defaults.acquisition(), Acquisition::parse),
                reader.real(UCB_BETA, defaults.ucbBeta()),
                reader.real(RANDOM_SHARE, defaults.randomShare()),
                reader.integer(PATIENCE, defaults.patience()),
                reader.integer(MAX_LEVEL, defaults.maxLevel()),
                reader.parsed(TRANSFORM, defaults.transform(), TargetTransform::parse),
                reader.parsed(ENCODING, defaults.encoding(), Encoding::parse),
                reader.parsed(PREDICTOR, defaults.predictor(),
                        name -> Optional.of(knownPredictor(name, predictors))));
    }

    private static String knownPredictor(String name, List<String> predictors) {
        String stripped = name.strip();
        if (!predictors.contains(stripped)) {
            throw new IllegalArgumentException("unknown predictor '" + name
                    + "'; valid predictors are " + String.join(", ", predictors));
        }
        return stripped;
    }

    /**
     * Writes the options as strings that {@link #read} reads back to an equal record,
     * given the same predictor names.
     */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(INITIAL_RANDOM, Integer.toString(initialRandom));
        map.put(CANDIDATES, Integer.toString(candidates));
        map.put(PARENTS, Integer.toString(parents));
        map.put(ACQUISITION, acquisition.key());
        map.put(UCB_BETA, Double.toString(ucbBeta));
        map.put(RANDOM_SHARE, Double.toString(randomShare));
        map.put(PATIENCE, Integer.toString(patience));
        map.put(MAX_LEVEL, Integer.toString(maxLevel));
        map.put(TRANSFORM, transform.key());
        map.put(ENCODING, encoding.key());
        predictor.ifPresent(name -> map.put(PREDICTOR, name));
        return map;
    }
}
