package io.archforge.strategy;

import io.archforge.encoding.Encoding;
import io.archforge.predictor.Predictors;
import io.archforge.strategy.bo.Acquisition;
import io.archforge.strategy.bo.SearchOptions;
import io.archforge.strategy.bo.TargetTransform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@link Npenas}: the shared search settings of the Bayesian strategies
 * and {@code max_history} (10 to 5,000), the most recent successful trials the
 * predictor is fitted to, which bounds the cubic cost of each Gaussian process fit.
 *
 * <p>The defaults follow NPENAS-BO (Wei et al., IEEE TNNLS 2022): 10 random
 * architectures first, pools of 100 children of the best trials, no random
 * candidates and Thompson sampling. {@code parents} (default 50) caps how many of
 * the best trials may contribute, as the paper's 10 parents times a patience factor
 * of 5 does. The predictor is fitted to ranks, which the other Bayesian strategies
 * use too; see {@link TargetTransform}.
 *
 * @param search the candidate pool, acquisition, exploration and predictor settings
 * @param maxHistory the training set size cap
 */
public record NpenasOptions(SearchOptions search, int maxHistory) {

    public static final String MAX_HISTORY = "max_history";

    public NpenasOptions {
        Objects.requireNonNull(search, "search");
        OptionReader.checkRange(MAX_HISTORY, maxHistory, 10, 5_000);
    }

    /** Returns the defaults of NPENAS-BO, with a Gaussian process as the predictor. */
    public static NpenasOptions defaults() {
        return new NpenasOptions(
                new SearchOptions(10, 100, 50, Acquisition.TS, 1.0, 0.0, 10, 3,
                        TargetTransform.RANK, Encoding.ONE_HOT), 300);
    }

    /**
     * Reads options from strings, with the predictor names of {@link Predictors}; a
     * missing key keeps its default.
     *
     * @throws IllegalArgumentException naming an unknown key, a value of the wrong type
     *     or a value out of range
     */
    public static NpenasOptions parse(Map<String, String> options) {
        return parse(options, Predictors.names());
    }

    /**
     * Reads options from strings; a missing key keeps its default.
     *
     * @param predictors the names the option {@value SearchOptions#PREDICTOR} may take
     * @throws IllegalArgumentException naming an unknown key, a value of the wrong type,
     *     a value out of range or an unknown predictor
     */
    public static NpenasOptions parse(Map<String, String> options, List<String> predictors) {
        List<String> keys = new ArrayList<>(SearchOptions.KEYS);
        keys.add(MAX_HISTORY);
        OptionReader reader = new OptionReader(Npenas.NAME, options, keys);
        NpenasOptions defaults = defaults();
        return new NpenasOptions(SearchOptions.read(reader, defaults.search(), predictors),
                reader.integer(MAX_HISTORY, defaults.maxHistory()));
    }

    /** Writes the options as strings, which {@link #parse} reads back to an equal record. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>(search.toMap());
        map.put(MAX_HISTORY, Integer.toString(maxHistory));
        return map;
    }
}
