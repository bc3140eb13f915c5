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
 * Settings of {@link GaussianProcessBo}: the shared search settings and
 * {@code max_history} (10 to 5,000), the most recent successful trials the process
 * is fitted to, which bounds the cubic cost of each fit.
 *
 * @param search the candidate pool, acquisition and exploration settings
 * @param maxHistory the training set size cap
 */
public record GaussianProcessOptions(SearchOptions search, int maxHistory) {

    public static final String MAX_HISTORY = "max_history";

    public GaussianProcessOptions {
        Objects.requireNonNull(search, "search");
        OptionReader.checkRange(MAX_HISTORY, maxHistory, 10, 5_000);
    }

    /** The defaults, chosen on NAS-Bench-201. */
    public static GaussianProcessOptions defaults() {
        return new GaussianProcessOptions(
                new SearchOptions(5, 300, 10, Acquisition.TS, 1.0, 0.1, 10, 3,
                        TargetTransform.RANK, Encoding.ONE_HOT), 300);
    }

    /**
     * Reads options from strings, with the predictor names of {@link Predictors}; a
     * missing key keeps its default.
     *
     * @throws IllegalArgumentException naming an unknown key, a value of the wrong type
     *     or a value out of range
     */
    public static GaussianProcessOptions parse(Map<String, String> options) {
        return parse(options, Predictors.names());
    }

    /**
     * Reads options from strings; a missing key keeps its default.
     *
     * @param predictors the names the option {@value SearchOptions#PREDICTOR} may take
     * @throws IllegalArgumentException naming an unknown key, a value of the wrong type,
     *     a value out of range or an unknown predictor
     */
    public static GaussianProcessOptions parse(Map<String, String> options,
            List<String> predictors) {
        List<String> keys = new ArrayList<>(SearchOptions.KEYS);
        keys.add(MAX_HISTORY);
        OptionReader reader = new OptionReader(GaussianProcessBo.NAME, options, keys);
        GaussianProcessOptions defaults = defaults();
        return new GaussianProcessOptions(
                SearchOptions.read(reader, defaults.search(), predictors),
                reader.integer(MAX_HISTORY, defaults.maxHistory()));
    }

    /** Writes the options as strings, which {@link #parse} reads back to an equal record. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>(search.toMap());
        map.put(MAX_HISTORY, Integer.toString(maxHistory));
        return map;
    }
}
