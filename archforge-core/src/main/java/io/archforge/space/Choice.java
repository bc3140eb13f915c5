package io.archforge.space;

import java.util.List;
import java.util.Objects;

/**
 * One decision of a search space: a categorical option, an integer or a real
 * number. An architecture stores one gene per choice: the option index for a
 * {@link Categorical}, the value for an {@link IntRange}, the value for a
 * {@link FloatRange}.
 */
public sealed interface Choice permits Choice.Categorical, Choice.IntRange, Choice.FloatRange {

    /** The choice's name, unique within its space. */
    String name();

    /** Returns whether {@code gene} is a legal value for this choice. */
    boolean accepts(Number gene);

    /** A choice among named options; the gene is the option's index. */
    record Categorical(String name, List<String> options) implements Choice {
        public Categorical {
            Objects.requireNonNull(name, "name");
            options = List.copyOf(options);
            if (options.isEmpty()) {
                throw new IllegalArgumentException("categorical choice '" + name + "' needs at least one option");
            }
            if (options.stream().distinct().count() != options.size()) {
                throw new IllegalArgumentException("categorical choice '" + name + "' repeats an option: " + options);
            }
        }

        /** Returns the index of {@code option}, or -1 when it is not an option. */
        public int indexOf(String option) {
            return options.indexOf(option);
        }

        @Override
        public boolean accepts(Number gene) {
            return gene instanceof Integer index && index >= 0 && index < options.size();
        }
    }

    /** An integer between {@code low} and {@code high} inclusive, in steps of {@code step}. */
    record IntRange(String name, int low, int high, int step) implements Choice {
        public IntRange {
            Objects.requireNonNull(name, "name");
            if (high < low || step < 1) {
                throw new IllegalArgumentException(
                        "integer choice '" + name + "' needs low <= high and step >= 1, got ["
                                + low + ", " + high + "] step " + step);
            }
        }

        /** Number of legal values. */
        public int size() {
            return (high - low) / step + 1;
        }

        @Override
        public boolean accepts(Number gene) {
            return gene instanceof Integer value && value >= low && value <= high && (value - low) % step == 0;
        }
    }

    /** A real number between {@code low} and {@code high}, sampled uniformly or log-uniformly. */
    record FloatRange(String name, double low, double high, boolean log) implements Choice {
        public FloatRange {
            Objects.requireNonNull(name, "name");
            if (!(high >= low) || (log && low <= 0)) {
                throw new IllegalArgumentException(
                        "float choice '" + name + "' needs low <= high (and low > 0 when log), got ["
                                + low + ", " + high + "]");
            }
        }

        @Override
        public boolean accepts(Number gene) {
            return gene instanceof Double value && value >= low && value <= high;
        }
    }
}
