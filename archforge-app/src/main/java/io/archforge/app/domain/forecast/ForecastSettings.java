package io.archforge.app.domain.forecast;

import io.archforge.torch.forecast.ForecastDataset;
import io.archforge.torch.forecast.ForecastDatasets;
import io.archforge.torch.forecast.MissingValues;
import io.archforge.torch.forecast.SplitRule;
import io.archforge.torch.forecast.TimeSeries;
import io.archforge.torch.forecast.TimeSeriesReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The data set, target, windows and epochs of a forecasting study, stored as its
 * evaluator options.
 *
 * @param dataset the data set as the command line names it: a bundled name such as
 *     {@code etth1}, or {@code csv:} and the absolute file path
 * @param file the CSV file of a {@code csv:} data set, empty for a bundled one
 * @param target the column to forecast
 * @param missing the repair of missing target values
 * @param lookback the input steps of each forecast
 * @param horizon the forecast steps
 * @param epochs the training epochs of a trial
 */
record ForecastSettings(String dataset, Optional<Path> file, String target,
        MissingValues missing, int lookback, int horizon, int epochs) {

    /** The prefix of a data set read from a CSV file. */
    static final String PREFIX = "csv:";
    /** The default input steps of each forecast. */
    static final int DEFAULT_LOOKBACK = 96;
    /** The default forecast steps. */
    static final int DEFAULT_HORIZON = 24;
    /** The default training epochs of a trial. */
    static final int DEFAULT_EPOCHS = 3;
    /** The share splits of a {@code csv:} file: 70 / 10 / 20 percent. */
    static final SplitRule FILE_SPLIT = new SplitRule.Fractions(0.7, 0.2);

    private static final String DATASET = "dataset";
    private static final String TARGET = "target";
    private static final String MISSING = "missing";
    private static final String LOOKBACK = "lookback";
    private static final String HORIZON = "horizon";
    private static final String EPOCHS = "epochs";

    ForecastSettings {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(missing, "missing");
        if (lookback < 1 || horizon < 1 || epochs < 1) {
            throw new IllegalArgumentException("lookback, horizon and epochs must be positive,"
                    + " got " + lookback + ", " + horizon + " and " + epochs);
        }
    }

    /** Returns the evaluator options that {@link #fromOptions} reads back. */
    Map<String, String> toOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(DATASET, dataset);
        options.put(TARGET, target);
        options.put(MISSING, missing.key());
        options.put(LOOKBACK, Integer.toString(lookback));
        options.put(HORIZON, Integer.toString(horizon));
        options.put(EPOCHS, Integer.toString(epochs));
        return options;
    }

    /**
     * Reads the settings a study stored.
     *
     * @throws IllegalArgumentException when an option is missing or invalid
     */
    static ForecastSettings fromOptions(Map<String, String> options) {
        String dataset = required(options, DATASET);
        Optional<Path> file = dataset.startsWith(PREFIX)
                ? Optional.of(Path.of(dataset.substring(PREFIX.length())))
                : Optional.empty();
        if (file.isEmpty()) {
            ForecastDatasets.byName(dataset);
        }
        return new ForecastSettings(dataset, file, required(options, TARGET),
                MissingValues.of(required(options, MISSING)), integer(options, LOOKBACK),
                integer(options, HORIZON), integer(options, EPOCHS));
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("forecasting study lacks the evaluator option '"
                    + key + "'");
        }
        return value;
    }

    private static int integer(Map<String, String> options, String key) {
        String value = required(options, key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stored " + key + " '" + value
                    + "' is not an integer", e);
        }
    }

    /** Returns the split rule: the bundled data set's, or 70 / 10 / 20 percent for a file. */
    SplitRule split() {
        return file.isPresent() ? FILE_SPLIT : ForecastDatasets.byName(dataset).split();
    }

    /**
     * Reads the target column.
     *
     * @throws io.archforge.torch.forecast.TimeSeriesFormatException naming the file, line
     *     and value at fault
     */
    TimeSeries series() {
        if (file.isPresent()) {
            return TimeSeriesReader.read(file.get(), target, missing);
        }
        ForecastDataset bundled = ForecastDatasets.byName(dataset);
        return ForecastDatasets.load(bundled, target, missing);
    }
}
