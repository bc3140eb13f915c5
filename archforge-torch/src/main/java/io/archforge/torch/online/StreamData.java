package io.archforge.torch.online;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.archforge.torch.forecast.ForecastData;
import io.archforge.torch.forecast.SplitRule;
import io.archforge.torch.forecast.TimeSeries;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A series replayed as a stream, standardised like the forecasting domain's data
 * ({@link ForecastData}) but with the statistics of a prefix of the stream only, so that
 * no later row shapes the scale. A window at origin {@code s} reads rows {@code [s -
 * lookback, s)} and forecasts rows {@code [s, s + horizon)}.
 */
public final class StreamData {

    private final float[] values;
    private final List<LocalDateTime> timestamps;
    private final int lookback;
    private final int horizon;
    private final double naiveScale;
    private final String source;

    private StreamData(float[] values, List<LocalDateTime> timestamps, int lookback,
            int horizon, double naiveScale, String source) {
        this.values = values;
        this.timestamps = timestamps;
        this.lookback = lookback;
        this.horizon = horizon;
        this.naiveScale = naiveScale;
        this.source = source;
    }

    /**
     * Standardises {@code series} with the mean and standard deviation of its first
     * {@code prefixShare} of rows; the MASE scale is the one-step naive forecast's mean
     * absolute error over the same rows.
     *
     * @param prefixShare the share of rows that fixes the scale, in (0, 0.5]
     * @throws io.archforge.torch.forecast.TimeSeriesFormatException when the prefix is
     *     shorter than one window or constant
     */
    public static StreamData of(TimeSeries series, int lookback, int horizon,
            double prefixShare) {
        Objects.requireNonNull(series, "series");
        if (!(prefixShare > 0 && prefixShare <= 0.5)) {
            throw new IllegalArgumentException("prefix share must be in (0, 0.5], got "
                    + prefixShare);
        }

        // The prefix plays the training part of the split; the other parts are unused.
        ForecastData prepared = ForecastData.prepare(series,
                new SplitRule.Fractions(prefixShare, 0.25), lookback, horizon);
        float[] values = new float[series.size()];
        for (int row = 0; row < values.length; row++) {
            values[row] = prepared.value(row);
        }
        return new StreamData(values, series.timestamps(), lookback, horizon,
                prepared.naiveScale(), series.source());
    }

    /** Returns the stream's first {@code rows} rows as a stream of their own. */
    public StreamData head(int rows) {
        if (rows < lookback + horizon || rows > values.length) {
            throw new IllegalArgumentException("a stream head needs between "
                    + (lookback + horizon) + " and " + values.length + " rows, got " + rows);
        }
        return new StreamData(java.util.Arrays.copyOf(values, rows),
                timestamps.subList(0, rows), lookback, horizon, naiveScale, source);
    }

    /** Returns the number of rows. */
    public int rows() {
        return values.length;
    }

    /** Returns the standardised value of {@code row}. */
    public float value(int row) {
        return values[row];
    }

    /** Returns the time of {@code row}. */
    public LocalDateTime timestamp(int row) {
        return timestamps.get(row);
    }

    /** Returns the input steps of a window. */
    public int lookback() {
        return lookback;
    }

    /** Returns the forecast steps of a window. */
    public int horizon() {
        return horizon;
    }

    /** Returns the first origin with a full input window. */
    public int firstOrigin() {
        return lookback;
    }

    /** Returns the last origin whose forecast rows lie in the stream, plus one. */
    public int endOrigin() {
        return values.length - horizon + 1;
    }

    /** Returns the one-step naive forecast's mean absolute error over the prefix. */
    public double naiveScale() {
        return naiveScale;
    }

    /** Returns the file or bundled data set the series came from. */
    public String source() {
        return source;
    }

    /** Creates the inputs (origins, lookback) of windows at {@code origins}. */
    public NDArray inputs(NDManager manager, int[] origins) {
        float[] flat = new float[origins.length * lookback];
        for (int i = 0; i < origins.length; i++) {
            System.arraycopy(values, origins[i] - lookback, flat, i * lookback, lookback);
        }
        return manager.create(flat, new Shape(origins.length, lookback));
    }

    /** Creates the targets (origins, horizon) of windows at {@code origins}. */
    public NDArray targets(NDManager manager, int[] origins) {
        float[] flat = new float[origins.length * horizon];
        for (int i = 0; i < origins.length; i++) {
            System.arraycopy(values, origins[i], flat, i * horizon, horizon);
        }
        return manager.create(flat, new Shape(origins.length, horizon));
    }

    /** Returns the mean absolute error of {@code forecast} (horizon values) at {@code origin}. */
    public double absoluteError(int origin, float[] forecast, int offset) {
        double sum = 0;
        for (int step = 0; step < horizon; step++) {
            sum += Math.abs(forecast[offset + step] - values[origin + step]);
        }
        return sum / horizon;
    }

    /** Returns the mean squared error of {@code forecast} (horizon values) at {@code origin}. */
    public double squaredError(int origin, float[] forecast, int offset) {
        double sum = 0;
        for (int step = 0; step < horizon; step++) {
            double difference = forecast[offset + step] - values[origin + step];
            sum += difference * difference;
        }
        return sum / horizon;
    }
}
