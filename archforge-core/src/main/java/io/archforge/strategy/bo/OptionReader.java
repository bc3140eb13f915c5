package io.archforge.strategy.bo;

import io.archforge.encoding.Encoding;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads typed, range-checked values from a strategy's string options. */
final class OptionReader {

    private final String strategy;
    private final Map<String, String> options;

    OptionReader(String strategy, Map<String, String> options, List<String> keys) {
        this.strategy = strategy;
        this.options = Map.copyOf(options);
        TreeSet<String> unknown = new TreeSet<>(options.keySet());
        keys.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown " + strategy + " options " + unknown
                    + "; valid options are " + keys);
        }
    }

    int integer(String key, int fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(strategy + " option " + key
                    + " must be an integer, got '" + value + "'");
        }
    }

    double number(String key, double fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(strategy + " option " + key
                    + " must be a number, got '" + value + "'");
        }
    }

    Acquisition acquisition(String key, Acquisition fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Acquisition.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(strategy + " option " + key + ": "
                    + e.getMessage(), e);
        }
    }

    TargetTransform transform(String key, TargetTransform fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return TargetTransform.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(strategy + " option " + key + ": "
                    + e.getMessage(), e);
        }
    }

    Encoding encoding(String key, Encoding fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Encoding.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(strategy + " option " + key + ": "
                    + e.getMessage(), e);
        }
    }

    /** Rejects {@code value} outside {@code [min, max]}, naming the option. */
    static void checkRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("option " + key + " must be from " + min
                    + " to " + max + ", got " + value);
        }
    }

    /** Rejects {@code value} outside {@code [min, max]} or NaN, naming the option. */
    static void checkRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("option " + key + " must be from " + min
                    + " to " + max + ", got " + value);
        }
    }
}
