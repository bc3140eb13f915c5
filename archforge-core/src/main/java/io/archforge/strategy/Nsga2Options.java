package io.archforge.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of {@link Nsga2}.
 *
 * @param population the parents kept each generation, and the offspring bred before
 *     the next selection; from 4 to 10,000
 * @param crossover the probability that a child is a uniform crossover of two parents
 *     rather than a copy of one; from 0 to 1
 * @param mutations the one-choice mutations applied to each child; from 0 to 5, where 0
 *     leaves variation to crossover alone
 */
public record Nsga2Options(int population, double crossover, int mutations) {

    /** The option key of {@link #population}. */
    public static final String POPULATION = "population";
    /** The option key of {@link #crossover}. */
    public static final String CROSSOVER = "crossover";
    /** The option key of {@link #mutations}. */
    public static final String MUTATIONS = "mutations";

    private static final List<String> KEYS = List.of(POPULATION, CROSSOVER, MUTATIONS);

    public Nsga2Options {
        OptionReader.requireRange(Nsga2.NAME, POPULATION, population, 4, 10_000);
        OptionReader.requireRange(Nsga2.NAME, CROSSOVER, crossover, 0.0, 1.0, true);
        OptionReader.requireRange(Nsga2.NAME, MUTATIONS, mutations, 0, 5);
    }

    /**
     * Population 20, crossover 0.9, one mutation per child: with a 300-trial budget this
     * gives 14 generations after the random one, and the mutation keeps children of
     * near-identical parents from repeating them.
     */
    public static Nsga2Options defaults() {
        return new Nsga2Options(20, 0.9, 1);
    }

    /**
     * Reads options from strings; a missing key keeps its default.
     *
     * @throws IllegalArgumentException naming an unknown key, a value of the wrong type or
     *     a value out of range
     */
    public static Nsga2Options parse(Map<String, String> options) {
        OptionReader reader = new OptionReader(Nsga2.NAME, options, KEYS);
        Nsga2Options defaults = defaults();
        return new Nsga2Options(reader.integer(POPULATION, defaults.population()),
                reader.real(CROSSOVER, defaults.crossover()),
                reader.integer(MUTATIONS, defaults.mutations()));
    }

    /** Writes the options as strings, which {@link #parse} reads back to an equal record. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(POPULATION, Integer.toString(population));
        map.put(CROSSOVER, Double.toString(crossover));
        map.put(MUTATIONS, Integer.toString(mutations));
        return map;
    }
}
