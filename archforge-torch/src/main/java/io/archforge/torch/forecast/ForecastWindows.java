package io.archforge.torch.forecast;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Forecast windows cut from a series: each pairs the {@code lookback} values before a
 * start row with the {@code horizon} values from it on. Windows are cut by
 * {@link #cut} and hold references into the series, not copies.
 */
public final class ForecastWindows {

    private final float[] series;
    private final int[] starts;
    private final int lookback;
    private final int horizon;

    private ForecastWindows(float[] series, int[] starts, int lookback, int horizon) {
        this.series = series;
        this.starts = starts;
        this.lookback = lookback;
        this.horizon = horizon;
    }

    /**
     * Cuts the windows whose forecast rows lie in {@code [from, to)} and whose input rows
     * lie in the series, every {@code stride}-th one, the first kept.
     *
     * @param series the values, shared with the windows and not copied
     * @throws IllegalArgumentException when no window fits or an argument is out of range
     */
    public static ForecastWindows cut(float[] series, int from, int to, int lookback,
            int horizon, int stride) {
        if (lookback < 1 || horizon < 1 || stride < 1) {
            throw new IllegalArgumentException("lookback, horizon and stride must be positive,"
                    + " got " + lookback + ", " + horizon + " and " + stride);
        }
        if (from < 0 || to > series.length || from >= to) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") are outside a"
                    + " series of " + series.length + " values");
        }
        int first = Math.max(from, lookback);
        int last = to - horizon;
        if (last < first) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") hold no window"
                    + " of lookback " + lookback + " and horizon " + horizon);
        }
        int[] starts = new int[(last - first) / stride + 1];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = first + i * stride;
        }
        return new ForecastWindows(series, starts, lookback, horizon);
    }

    /** Returns the number of windows. */
    public int size() {
        return starts.length;
    }

    /** Returns the input steps of each window. */
    public int lookback() {
        return lookback;
    }

    /** Returns the forecast steps of each window. */
    public int horizon() {
        return horizon;
    }

    /** Returns the first forecast row of window {@code index}. */
    public int start(int index) {
        return starts[index];
    }

    /** Returns series value {@code row}. */
    public float value(int row) {
        return series[row];
    }

    /**
     * Creates the inputs [count, lookback] of the windows {@code indices[offset]} to
     * {@code indices[offset + count - 1]} in {@code manager}.
     */
    public NDArray inputs(NDManager manager, int[] indices, int offset, int count) {
        return gather(manager, indices, offset, count, -lookback, lookback);
    }

    /** Creates the targets [count, horizon] of the windows, as {@link #inputs} selects them. */
    public NDArray targets(NDManager manager, int[] indices, int offset, int count) {
        return gather(manager, indices, offset, count, 0, horizon);
    }

    private NDArray gather(NDManager manager, int[] indices, int offset, int count,
            int shift, int width) {
        float[] values = new float[count * width];
        for (int i = 0; i < count; i++) {
            int begin = starts[indices[offset + i]] + shift;
            System.arraycopy(series, begin, values, i * width, width);
        }
        return manager.create(values, new Shape(count, width));
    }

    /** Returns the window indices 0 to {@code size() - 1}, in order. */
    public int[] order() {
        int[] order = new int[starts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }
}
