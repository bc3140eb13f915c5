package io.archforge.strategy.bo;

import io.archforge.encoding.Encoding;
import io.archforge.predictor.Predictors;
import io.archforge.predictor.surrogate.MlpEnsemble;
import io.archforge.strategy.OptionReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@link Bananas}: the shared search settings and the network ensemble.
 *
 * <p>The option keys are those of {@link SearchOptions} and {@code ensemble_size}
 * (2 to 50), {@code hidden_layers} (1 to 10), {@code hidden_width} (1 to 1,024),
 * {@code epochs} (1 to 10,000), {@code batch_size} (1 to 10,000) and
 * {@code learning_rate} (above 0, at most 1) and {@code max_steps} (1 to 1,000,000).
 *
 * @param search the candidate pool, acquisition and exploration settings
 * @param network the ensemble settings
 */
public record BananasOptions(SearchOptions search, MlpEnsemble.Settings network) {

    public static final String ENSEMBLE_SIZE = "ensemble_size";
    public static final String HIDDEN_LAYERS = "hidden_layers";
    public static final String HIDDEN_WIDTH = "hidden_width";
    public static final String EPOCHS = "epochs";
    public static final String BATCH_SIZE = "batch_size";
    public static final String LEARNING_RATE = "learning_rate";
    public static final String MAX_STEPS = "max_steps";

    private static final List<String> NETWORK_KEYS = List.of(ENSEMBLE_SIZE, HIDDEN_LAYERS,
            HIDDEN_WIDTH, EPOCHS, BATCH_SIZE, LEARNING_RATE, MAX_STEPS);

    public BananasOptions {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(network, "network");
        OptionReader.checkRange(ENSEMBLE_SIZE, network.members(), 2, 50);
        OptionReader.checkRange(HIDDEN_LAYERS, network.hiddenLayers(), 1, 10);
        OptionReader.checkRange(HIDDEN_WIDTH, network.hiddenWidth(), 1, 1_024);
        OptionReader.checkRange(EPOCHS, network.epochs(), 1, 10_000);
        OptionReader.checkRange(BATCH_SIZE, network.batchSize(), 1, 10_000);
        OptionReader.checkRange(LEARNING_RATE, network.learningRate(), Double.MIN_VALUE, 1);
        OptionReader.checkRange(MAX_STEPS, network.maxSteps(), 1, 1_000_000);
    }

    /** The defaults, chosen on NAS-Bench-201. */
    public static BananasOptions defaults() {
        return new BananasOptions(
                new SearchOptions(5, 300, 10, Acquisition.TS, 1.0, 0.1, 10, 3,
                        TargetTransform.RANK, Encoding.ONE_HOT),
                new MlpEnsemble.Settings(5, 2, 32, 30, 32, 0.01, 100));
    }

    /**
     * Reads options from strings, with the predictor names of {@link Predictors}; a
     * missing key keeps its default.
     *
     * @throws IllegalArgumentException naming an unknown key, a value of the wrong type
     *     or a value out of range
     */
    public static BananasOptions parse(Map<String, String> options) {
        return parse(options, Predictors.names());
    }

    /**
     * Reads options from strings; a missing key keeps its default.
     *
     * @param predictors the names the option {@value SearchOptions#PREDICTOR} may take
     * @throws IllegalArgumentException naming an unknown key, a value of the wrong type,
     *     a value out of range or an unknown predictor
     */
    public static BananasOptions parse(Map<String, String> options, List<String> predictors) {
        List<String> keys = new ArrayList<>(SearchOptions.KEYS);
        keys.addAll(NETWORK_KEYS);
        OptionReader reader = new OptionReader(Bananas.NAME, options, keys);
        BananasOptions defaults = defaults();
        MlpEnsemble.Settings network = defaults.network();
        return new BananasOptions(SearchOptions.read(reader, defaults.search(), predictors),
                new MlpEnsemble.Settings(
                        reader.integer(ENSEMBLE_SIZE, network.members()),
                        reader.integer(HIDDEN_LAYERS, network.hiddenLayers()),
                        reader.integer(HIDDEN_WIDTH, network.hiddenWidth()),
                        reader.integer(EPOCHS, network.epochs()),
                        reader.integer(BATCH_SIZE, network.batchSize()),
                        reader.real(LEARNING_RATE, network.learningRate()),
                        reader.integer(MAX_STEPS, network.maxSteps())));
    }

    /** Writes the options as strings, which {@link #parse} reads back to an equal record. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>(search.toMap());
        map.put(ENSEMBLE_SIZE, Integer.toString(network.members()));
        map.put(HIDDEN_LAYERS, Integer.toString(network.hiddenLayers()));
        map.put(HIDDEN_WIDTH, Integer.toString(network.hiddenWidth()));
        map.put(EPOCHS, Integer.toString(network.epochs()));
        map.put(BATCH_SIZE, Integer.toString(network.batchSize()));
        map.put(LEARNING_RATE, Double.toString(network.learningRate()));
        map.put(MAX_STEPS, Integer.toString(network.maxSteps()));
        return map;
    }
}
