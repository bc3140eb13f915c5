package io.archforge.torch.forecast;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One column of a time-series file, in time order.
 *
 * @param timestamps the time of each value, strictly increasing
 * @param values the target values after the repair of missing ones, one per timestamp
 * @param column the name of the target column
 * @param source the file or bundled data set the values came from
 * @param missing the number of target values the file left empty or wrote as {@code NA}
 * @param repair how those values were repaired
 */
public record TimeSeries(List<LocalDateTime> timestamps, List<Double> values, String column,
        String source, int missing, MissingValues repair) {

    public TimeSeries {
        timestamps = List.copyOf(timestamps);
        values = List.copyOf(values);
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(repair, "repair");
        if (timestamps.size() != values.size()) {
            throw new IllegalArgumentException("time series " + source + " has "
                    + timestamps.size() + " timestamps but " + values.size() + " values");
        }
        if (missing < 0) {
            throw new IllegalArgumentException("missing count must be non-negative, got "
                    + missing);
        }
    }

    /** Returns the number of values. */
    public int size() {
        return values.size();
    }

    /** Returns a new array with the values in time order. */
    public double[] toArray() {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
