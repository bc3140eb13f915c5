package io.archforge.study;

import java.util.Locale;
import java.util.Objects;

/**
 * A metric to optimise and its direction, written {@code NAME:max} or {@code NAME:min}.
 *
 * @param metric the metric name, such as {@code accuracy} or {@code latency_ms}
 * @param direction maximise or minimise
 */
public record Objective(String metric, Direction direction) {

    public Objective {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("objective metric name is empty");
        }
    }

    public static Objective maximize(String metric) {
        return new Objective(metric, Direction.MAXIMIZE);
    }

    public static Objective minimize(String metric) {
        return new Objective(metric, Direction.MINIMIZE);
    }

    /**
     * Parses {@code NAME:max} or {@code NAME:min}.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Objective parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(
                    "invalid objective '" + text + "': expected NAME:max or NAME:min, for example accuracy:max");
        }
        String name = text.substring(0, colon).trim();
        String direction = text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        return switch (direction) {
            case "max", "maximize", "maximise" -> maximize(name);
            case "min", "minimize", "minimise" -> minimize(name);
            default -> throw new IllegalArgumentException(
                    "invalid objective direction '" + direction + "' in '" + text + "': use max or min");
        };
    }

    @Override
    public String toString() {
        return metric + (direction == Direction.MAXIMIZE ? ":max" : ":min");
    }
}
