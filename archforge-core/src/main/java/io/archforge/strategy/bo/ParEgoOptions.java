package io.archforge.strategy.bo;

import io.archforge.encoding.Encoding;
import io.archforge.predictor.Predictors;
import io.archforge.strategy.OptionReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@link ParEgo}: the shared search settings, {@code max_history} as for
 * {@link GaussianProcessBo}, and {@code rho}, the weight of the weighted sum added to
 * the weighted Chebyshev distance (0 to 1).
 *
 * @param search the candidate pool, acquisition and exploration settings
 * @param maxHistory the most recent successful trials the model is fitted to
 * @param rho the augmentation weight of the scalarisation
 */
public record ParEgoOptions(SearchOptions search, int maxHistory, double rho) {

    public static final String MAX_HISTORY = "max_history";
    public static final String RHO = "rho";

    public ParEgoOptions {
        Objects.requireNonNull(search, "search");
        OptionReader.checkRange(MAX_HISTORY, maxHistory, 10, 5_000);
        OptionReader.checkRange(RHO, rho, 0.0, 1.0);
    }

    /**
     * Ten random trials first, then the settings of {@link GaussianProcessOptions} with
     * {@code rho} 0.05, the value of Knowles (2006).
     */
    public static ParEgoOptions defaults() {
        return new ParEgoOptions(
                new SearchOptions(10, 300, 10, Acquisition.TS, 1.0, 0.1, 10, 3,
                        TargetTransform.RANK, Encoding.ONE_HOT), 300, 0.05);
    }

    /**
     * Reads options from strings; a missing key keeps its default.
     *
     * @param predictors the names the option {@value SearchOptions#PREDICTOR} may take
     * @throws IllegalArgumentException naming an unknown key, a value of the wrong type,
     *     a value out of range or an unknown predictor
     */
    public static ParEgoOptions parse(Map<String, String> options, List<String> predictors) {
        List<String> keys = new ArrayList<>(SearchOptions.KEYS);
        keys.add(MAX_HISTORY);
        keys.add(RHO);
        OptionReader reader = new OptionReader(ParEgo.NAME, options, keys);
        ParEgoOptions defaults = defaults();
        return new ParEgoOptions(SearchOptions.read(reader, defaults.search(), predictors),
                reader.integer(MAX_HISTORY, defaults.maxHistory()),
                reader.real(RHO, defaults.rho()));
    }

    /** Reads options from strings, with the predictor names of {@link Predictors}. */
    public static ParEgoOptions parse(Map<String, String> options) {
        return parse(options, Predictors.names());
    }

    /** Writes the options as strings, which {@link #parse} reads back to an equal record. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>(search.toMap());
        map.put(MAX_HISTORY, Integer.toString(maxHistory));
        map.put(RHO, Double.toString(rho));
        return map;
    }
}
