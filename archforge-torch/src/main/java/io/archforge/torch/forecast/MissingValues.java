package io.archforge.torch.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The repair of empty or {@code NA} target values in a time-series file. */
public enum MissingValues {
    /**
     * Fills each gap linearly between the known values on either side. A gap at the start
     * takes the first known value and a gap at the end the last one.
     */
    INTERPOLATE,
    /**
     * Drops the rows with a missing target. The remaining rows are no longer evenly
     * spaced in time, because a window then spans the dropped hours.
     */
    DROP;

    /** Returns the option name, such as {@code interpolate}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the option names in declaration order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(MissingValues::key).toList();
    }

    /**
     * Returns the repair with option name {@code key}.
     *
     * @throws IllegalArgumentException naming the valid option names
     */
    public static MissingValues of(String key) {
        return Arrays.stream(values()).filter(value -> value.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown missing-value repair '"
                        + key + "'; valid values are " + keys()));
    }
}
