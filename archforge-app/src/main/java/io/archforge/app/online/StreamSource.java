package io.archforge.app.online;

import io.archforge.app.cli.UsageException;
import io.archforge.torch.forecast.ForecastDataset;
import io.archforge.torch.forecast.ForecastDatasets;
import io.archforge.torch.forecast.MissingValues;
import io.archforge.torch.forecast.TimeSeries;
import io.archforge.torch.forecast.TimeSeriesFormatException;
import io.archforge.torch.forecast.TimeSeriesReader;
import io.archforge.torch.online.StreamData;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the stream that {@code --dataset} names, a bundled series or {@code csv:FILE},
 * with the forecasting options {@code --target}, {@code --missing}, {@code --lookback}
 * and {@code --horizon}, and turns every invalid value into a {@link UsageException}.
 */
final class StreamSource {

    /** The share of the stream whose statistics standardise it. */
    static final double PREFIX_SHARE = 0.2;

    private static final String CSV = "csv:";

    private StreamSource() {
    }

    /**
     * Reads and standardises the stream.
     *
     * @param target the target column, or null for the data set's default
     * @param missing {@code interpolate}, {@code drop}, or null for interpolate
     * @param rows the rows to replay from the start, or null for all
     * @throws UsageException naming the invalid value and the fix
     */
    static StreamData read(String dataset, String target, String missing, int lookback,
            int horizon, Integer rows) {
        if (lookback < 1 || horizon < 1) {
            throw new UsageException("invalid --lookback " + lookback + " or --horizon "
                    + horizon + ": both must be at least 1");
        }
        MissingValues repair = repair(missing);
        TimeSeries series = series(dataset, target, repair);
        StreamData data;
        try {
            data = StreamData.of(series, lookback, horizon, PREFIX_SHARE);
        } catch (TimeSeriesFormatException e) {
            throw new UsageException(e.getMessage(), e);
        }
        if (rows == null) {
            return data;
        }
        int needed = lookback + horizon;
        if (rows < needed || rows > data.rows()) {
            throw new UsageException("invalid --rows " + rows + ": " + dataset + " has "
                    + data.rows() + " rows and a window needs " + needed + "; use a value from "
                    + needed + " to " + data.rows());
        }
        return data.head(rows);
    }

    private static MissingValues repair(String missing) {
        if (missing == null) {
            return MissingValues.INTERPOLATE;
        }
        try {
            return MissingValues.of(missing);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --missing '" + missing + "': use one of "
                    + String.join(", ", MissingValues.keys()), e);
        }
    }

    private static TimeSeries series(String dataset, String target, MissingValues repair) {
        try {
            if (dataset.startsWith(CSV)) {
                return csv(Path.of(dataset.substring(CSV.length())), target, repair);
            }
            ForecastDataset bundled = bundled(dataset);
            String column = target != null ? target : bundled.defaultTarget();
            return ForecastDatasets.load(bundled, column, repair);
        } catch (TimeSeriesFormatException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static TimeSeries csv(Path file, String target, MissingValues repair) {
        if (target == null) {
            throw new UsageException("missing --target: csv:" + file + " needs the column to"
                    + " forecast, such as --target OT");
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("invalid --dataset csv:" + file + ": the file is not"
                    + " found or not a regular file; give the path of a CSV file");
        }
        return TimeSeriesReader.read(file, target, repair);
    }

    private static ForecastDataset bundled(String dataset) {
        try {
            return ForecastDatasets.byName(dataset);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --dataset '" + dataset + "': use one of "
                    + String.join(", ", ForecastDatasets.names()) + ", or csv:FILE", e);
        }
    }
}
