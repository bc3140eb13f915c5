package io.archforge.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Settings of {@link RegularizedEvolution}.
 *
 * <p>The defaults, population 20 and sample size 5, keep the ratio of sample to
 * population at 1/4, as in the largest runs of Real, Aggarwal, Huang and Le (2019:
 * population 100, sample 25), while the population is small enough that evolution
 * starts after 20 trials, which suits studies of a few hundred trials.
 *
 * @param population how many of the most recent successful trials form the
 *     population, and how many random proposals start the search; at least 2
 * @param sampleSize how many population members, drawn with replacement, enter
 *     each tournament; from 1 to {@code population}
 */
public record EvolutionOptions(int population, int sampleSize) {

    /** The option key of {@link #population}. */
    public static final String POPULATION = "population";
    /** The option key of {@link #sampleSize}. */
    public static final String SAMPLE_SIZE = "sample_size";

    private static final List<String> KEYS = List.of(POPULATION, SAMPLE_SIZE);

    public EvolutionOptions {
        if (population < 2) {
            throw new IllegalArgumentException(
                    "evolution population must be at least 2, got " + population);
        }
        if (sampleSize < 1 || sampleSize > population) {
            throw new IllegalArgumentException("evolution sample size must be from 1 to the "
                    + "population " + population + ", got " + sampleSize);
        }
    }

    /** Population 20, sample size 5. */
    public static EvolutionOptions defaults() {
        return new EvolutionOptions(20, 5);
    }

    /**
     * Reads {@code population} and {@code sample_size} from string options; a missing
     * key keeps its default.
     *
     * @throws IllegalArgumentException naming an unknown key or a value that is not an integer
     */
    public static EvolutionOptions parse(Map<String, String> options) {
        TreeSet<String> unknown = new TreeSet<>(options.keySet());
        KEYS.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown evolution options " + unknown
                    + "; valid options are " + KEYS);
        }
        EvolutionOptions defaults = defaults();
        int population = intOption(options, POPULATION, defaults.population());
        // A small population without an explicit sample size gets the largest legal one.
        int sampleSize = intOption(options, SAMPLE_SIZE,
                Math.min(defaults.sampleSize(), population));
        return new EvolutionOptions(population, sampleSize);
    }

    private static int intOption(Map<String, String> options, String key, int fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "evolution option " + key + " must be an integer, got '" + value + "'");
        }
    }

    /** Writes the options as strings, which {@link #parse} reads back to an equal record. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(POPULATION, Integer.toString(population));
        map.put(SAMPLE_SIZE, Integer.toString(sampleSize));
        return map;
    }
}
