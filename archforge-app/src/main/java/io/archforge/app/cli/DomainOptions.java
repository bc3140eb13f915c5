package io.archforge.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of data sets beyond images, shared by {@code search} and {@code evaluate}.
 * Every field stays null unless given; the domain that reads the data set checks them
 * and stores the values it uses.
 */
final class DomainOptions {

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "Forecasting: the column to forecast (default: OT for the ETT, "
                    + "exchange and illness series, pm2.5 for pm25; required with csv:FILE).")
    String target;

    @Option(names = "--missing", paramLabel = "interpolate|drop",
            description = "Forecasting: repair of empty target values, interpolated linearly "
                    + "between their neighbours or their rows dropped (default: interpolate).")
    String missing;

    @Option(names = "--lookback", paramLabel = "N",
            description = "Forecasting: past steps each forecast may read. The space "
                    + "searches whether a network reads a quarter, half or all (default: 96).")
    Integer lookback;

    @Option(names = "--horizon", paramLabel = "N",
            description = "Forecasting: future steps each forecast predicts (default: 24).")
    Integer horizon;

    @Option(names = "--space-file", paramLabel = "FILE",
            description = "Command evaluator: YAML file whose space: section declares the "
                    + "search space; the study stores the definition.")
    java.nio.file.Path spaceFile;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "Command evaluator: a metric the program reports, repeatable "
                    + "(default: accuracy).")
    java.util.List<String> metrics;

    @Option(names = "--command-timeout", paramLabel = "DURATION",
            description = "Command evaluator: time one run of the program may take before "
                    + "it is killed with the processes it started, such as 90s or 10m "
                    + "(default: 1h).")
    String commandTimeout;

    /** Returns the given options by name, such as {@code --target -> OT}, in a fixed order. */
    Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        putIfGiven(given, "--target", target);
        putIfGiven(given, "--missing", missing);
        putIfGiven(given, "--lookback", lookback);
        putIfGiven(given, "--horizon", horizon);
        putIfGiven(given, "--space-file", spaceFile);
        putIfGiven(given, "--metric", metrics == null ? null : String.join(",", metrics));
        putIfGiven(given, "--command-timeout", commandTimeout);
        return given;
    }

    private static void putIfGiven(Map<String, String> given, String option, Object value) {
        if (value != null) {
            given.put(option, value.toString());
        }
    }
}
