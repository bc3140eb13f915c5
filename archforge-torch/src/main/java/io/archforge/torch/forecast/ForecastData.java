package io.archforge.torch.forecast;

import io.archforge.torch.forecast.ChronologicalSplit.Part;
import java.util.Objects;

/**
 * A series made ready for training: split in time order, standardised with the mean and
 * population standard deviation of its training rows, with a fixed lookback and horizon.
 *
 * <p>Errors are measured on the standardised scale, as the forecasting literature
 * reports them. {@link #naiveScale()} is the mean absolute error of the one-step naive
 * forecast (each value predicted by the one before) over the training rows, the
 * denominator of MASE (Hyndman and Koehler, "Another look at measures of forecast
 * accuracy", 2006).
 */
public final class ForecastData {

    private final float[] values;
    private final ChronologicalSplit split;
    private final int lookback;
    private final int horizon;
    private final double mean;
    private final double deviation;
    private final double naiveScale;
    private final String source;

    private ForecastData(float[] values, ChronologicalSplit split, int lookback, int horizon,
            double mean, double deviation, double naiveScale, String source) {
        this.values = values;
        this.split = split;
        this.lookback = lookback;
        this.horizon = horizon;
        this.mean = mean;
        this.deviation = deviation;
        this.naiveScale = naiveScale;
        this.source = source;
    }

    /**
     * Splits and standardises {@code series}.
     *
     * @throws TimeSeriesFormatException when a part is too short for the lookback and
     *     horizon, or the training rows are constant
     */
    public static ForecastData prepare(TimeSeries series, SplitRule rule, int lookback,
            int horizon) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(rule, "rule");
        if (lookback < 1 || horizon < 1) {
            throw new IllegalArgumentException("lookback and horizon must be positive, got "
                    + lookback + " and " + horizon);
        }
        ChronologicalSplit split = rule.apply(series.size(), series.source());
        requireRows(series, split, lookback, horizon);
        double[] raw = series.toArray();

        // Standardise with the training rows only
        double mean = 0;
        for (int i = 0; i < split.trainEnd(); i++) {
            mean += raw[i];
        }
        mean /= split.trainEnd();
        double squares = 0;
        for (int i = 0; i < split.trainEnd(); i++) {
            squares += (raw[i] - mean) * (raw[i] - mean);
        }
        double deviation = Math.sqrt(squares / split.trainEnd());
        if (!(deviation > 0)) {
            throw new TimeSeriesFormatException("time series " + series.source() + ": column '"
                    + series.column() + "' is constant over its " + split.trainEnd()
                    + " training rows, so it cannot be standardised; choose another --target");
        }
        float[] values = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            values[i] = (float) ((raw[i] - mean) / deviation);
        }
        return new ForecastData(values, split, lookback, horizon, mean, deviation,
                naiveScale(values, split.trainEnd()), series.source());
    }

    private static void requireRows(TimeSeries series, ChronologicalSplit split,
            int lookback, int horizon) {
        int train = split.rows(Part.TRAIN);
        if (train < lookback + horizon) {
            throw new TimeSeriesFormatException("time series " + series.source() + " has "
                    + train + " training rows, fewer than lookback " + lookback
                    + " plus horizon " + horizon + "; use a shorter --lookback or --horizon");
        }
        for (Part part : new Part[] {Part.VALIDATION, Part.TEST}) {
            int rows = split.rows(part);
            if (rows < horizon) {
                throw new TimeSeriesFormatException("time series " + series.source() + " has "
                        + rows + " " + part.name().toLowerCase(java.util.Locale.ROOT)
                        + " rows, fewer than horizon " + horizon + "; use --horizon " + rows
                        + " or less");
            }
        }
    }

    private static double naiveScale(float[] values, int trainEnd) {
        double sum = 0;
        for (int i = 1; i < trainEnd; i++) {
            sum += Math.abs(values[i] - values[i - 1]);
        }
        return sum / (trainEnd - 1);
    }

    /**
     * Cuts the windows whose forecast rows lie in {@code part}, every {@code stride}-th.
     * Validation and test windows read their input from the rows before the part.
     */
    public ForecastWindows windows(Part part, int stride) {
        return ForecastWindows.cut(values, split.start(part), split.end(part), lookback,
                horizon, stride);
    }

    /** Returns the standardised value of row {@code row}. */
    public float value(int row) {
        return values[row];
    }

    /** Returns the split. */
    public ChronologicalSplit split() {
        return split;
    }

    /** Returns the input steps of every window. */
    public int lookback() {
        return lookback;
    }

    /** Returns the forecast steps of every window. */
    public int horizon() {
        return horizon;
    }

    /** Returns the training mean that standardisation subtracts. */
    public double mean() {
        return mean;
    }

    /** Returns the training standard deviation that standardisation divides by. */
    public double deviation() {
        return deviation;
    }

    /** Returns the MAE of the one-step naive forecast over the training rows, standardised. */
    public double naiveScale() {
        return naiveScale;
    }

    /** Returns the file or bundled data set the series came from. */
    public String source() {
        return source;
    }
}
