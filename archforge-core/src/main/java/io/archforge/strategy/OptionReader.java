package io.archforge.strategy;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a strategy's string options ({@code key=value}) into typed values, rejecting
 * unknown keys and values out of range with messages that name the option, the
 * value and the allowed range. Every strategy's options record reads through it.
 */
public final class OptionReader {

    private final String strategy;
    private final Map<String, String> options;

    /**
     * @throws IllegalArgumentException when {@code options} has a key not in {@code keys}
     */
    public OptionReader(String strategy, Map<String, String> options, List<String> keys) {
        this.strategy = strategy;
        this.options = Map.copyOf(options);
        TreeSet<String> unknown = new TreeSet<>(options.keySet());
        keys.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown " + strategy + " options " + unknown
                    + "; valid options are " + keys);
        }
    }

    /** The integer value of {@code key}, or {@code fallback} when absent. */
    public int integer(String key, int fallback) {
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

    /** The real value of {@code key}, or {@code fallback} when absent. */
    public double real(String key, double fallback) {
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

    /** The boolean value of {@code key} ({@code true} or {@code false}), or {@code fallback}. */
    public boolean bool(String key, boolean fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(strategy + " option " + key
                    + " must be true or false, got '" + value + "'");
        };
    }

    /**
     * Parses the value of {@code key} with {@code parser}, or returns {@code fallback}
     * when absent; a parser's IllegalArgumentException is raised again naming the option.
     */
    public <T> T parsed(String key, T fallback, Function<String, T> parser) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(strategy + " option " + key + ": "
                    + e.getMessage(), e);
        }
    }

    /** Rejects {@code value} outside {@code [min, max]}, naming the option. */
    public static void checkRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("option " + key + " must be from " + min
                    + " to " + max + ", got " + value);
        }
    }

    /** Rejects {@code value} outside {@code [min, max]} or NaN, naming the option. */
    public static void checkRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("option " + key + " must be from " + min
                    + " to " + max + ", got " + value);
        }
    }

    /** Checks {@code low <= value <= high}. */
    public static void requireRange(String strategy, String key, int value, int low, int high) {
        if (value < low || value > high) {
            throw new IllegalArgumentException(strategy + " option " + key + " must be from "
                    + low + " to " + high + ", got " + value);
        }
    }

    /** Checks {@code low < value <= high}, or {@code low <= value} when {@code closed}. */
    public static void requireRange(String strategy, String key, double value, double low,
            double high, boolean closed) {
        boolean aboveLow = closed ? value >= low : value > low;
        if (!(aboveLow && value <= high)) {
            throw new IllegalArgumentException(strategy + " option " + key + " must be in "
                    + (closed ? "[" : "(") + low + ", " + high + "], got " + value);
        }
    }
}
