package io.archforge.space.declared;

import io.archforge.space.Choice;
import java.util.List;
import java.util.Objects;

/**
 * One choice of a {@link SpaceDefinition}, as a user declares it: named values, an
 * integer range or a real range.
 */
public sealed interface ChoiceDefinition
        permits ChoiceDefinition.Categorical, ChoiceDefinition.IntRange,
        ChoiceDefinition.RealRange {

    /** The choice name, unique within its space. */
    String name();

    /**
     * Builds the search-space choice.
     *
     * @throws IllegalArgumentException when the space cannot hold the choice
     */
    Choice toChoice();

    /**
     * A choice among named values.
     *
     * @param name the choice name
     * @param values the values, in gene order, distinct and at least one
     */
    record Categorical(String name, List<String> values) implements ChoiceDefinition {
        public Categorical {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("choice '" + name
                        + "' has an empty value list; give at least one value");
            }
            if (values.stream().distinct().count() != values.size()) {
                throw new IllegalArgumentException("choice '" + name + "' repeats a value in "
                        + values + "; give each value once");
            }
        }

        @Override
        public Choice toChoice() {
            return new Choice.Categorical(name, values);
        }
    }

    /**
     * An integer from {@code low} to {@code high} inclusive, in steps of {@code step}.
     *
     * @param name the choice name
     * @param low the smallest value
     * @param high the largest value, at least {@code low}
     * @param step the distance between values, 1 or more
     */
    record IntRange(String name, int low, int high, int step) implements ChoiceDefinition {
        public IntRange {
            Objects.requireNonNull(name, "name");
            if (high < low) {
                throw new IllegalArgumentException("choice '" + name + "' has low " + low
                        + " above high " + high + "; swap them");
            }
            if (step < 1) {
                throw new IllegalArgumentException("choice '" + name + "' has step " + step
                        + "; the step must be 1 or more");
            }
        }

        @Override
        public Choice toChoice() {
            return new Choice.IntRange(name, low, high, step);
        }
    }

    /**
     * A real number from {@code low} to {@code high}, sampled uniformly, or log-uniformly
     * when {@code log} is set.
     *
     * @param name the choice name
     * @param low the smallest value, above 0 when {@code log} is set
     * @param high the largest value, at least {@code low}
     * @param log whether the range is log-scaled
     */
    record RealRange(String name, double low, double high, boolean log)
            implements ChoiceDefinition {
        public RealRange {
            Objects.requireNonNull(name, "name");
            if (!Double.isFinite(low) || !Double.isFinite(high)) {
                throw new IllegalArgumentException("choice '" + name + "' has bounds " + low
                        + " and " + high + "; both must be finite numbers");
            }
            if (high < low) {
                throw new IllegalArgumentException("choice '" + name + "' has low " + low
                        + " above high " + high + "; swap them");
            }
            if (log && low <= 0) {
                throw new IllegalArgumentException("choice '" + name + "' is log-scaled with low "
                        + low + "; a log range needs low above 0");
            }
        }

        @Override
        public Choice toChoice() {
            return new Choice.FloatRange(name, low, high, log);
        }
    }
}
