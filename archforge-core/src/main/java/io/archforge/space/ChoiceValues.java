package io.archforge.space;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Per-kind operations on the gene of one {@link Choice}: validation, sampling,
 * counting. Each method tests the two discrete kinds and treats the rest as
 * {@link Choice.FloatRange}, the third kind the sealed interface permits.
 */
final class ChoiceValues {

    /** The share of a real-valued choice's (log) range that a neighbour moves. */
    static final double REAL_STEP = 0.1;

    private ChoiceValues() {
    }

    /**
     * Converts {@code gene} to the gene type of {@code choice} (Integer, or Double for a
     * real-valued choice) and checks that the choice accepts it.
     */
    static Number normalize(Choice choice, Number gene) {
        if (gene == null) {
            throw new IllegalArgumentException(
                    "gene of choice '" + choice.name() + "' is missing");
        }
        Number value;
        if (choice instanceof Choice.FloatRange) {
            value = gene.doubleValue();
        } else {
            value = toInteger(gene);
        }
        if (value == null || !choice.accepts(value)) {
            throw new IllegalArgumentException("invalid gene " + gene + " for choice '"
                    + choice.name() + "': expected " + describe(choice, true));
        }
        return value;
    }

    private static Integer toInteger(Number gene) {
        boolean integral = gene instanceof Integer || gene instanceof Long
                || gene instanceof Short || gene instanceof Byte;
        if (!integral || gene.longValue() != gene.intValue()) {
            return null;
        }
        return gene.intValue();
    }

    /** Describes the legal values of {@code choice}, as genes or as they are written. */
    static String describe(Choice choice, boolean asGenes) {
        if (choice instanceof Choice.Categorical c) {
            return asGenes
                    ? "an option index from 0 to " + (c.options().size() - 1)
                            + " for " + c.options()
                    : "one of " + c.options();
        }
        if (choice instanceof Choice.IntRange r) {
            String range = "an integer from " + r.low() + " to " + r.high();
            return r.step() == 1 ? range : range + " in steps of " + r.step();
        }
        Choice.FloatRange f = (Choice.FloatRange) choice;
        return "a number from " + f.low() + " to " + f.high();
    }

    /** Draws a gene uniformly (log-uniformly for a log-scaled real choice). */
    static Number sample(Choice choice, RandomGenerator random) {
        if (choice instanceof Choice.Categorical c) {
            return random.nextInt(c.options().size());
        }
        if (choice instanceof Choice.IntRange r) {
            return r.low() + r.step() * random.nextInt(r.size());
        }
        return sampleDouble((Choice.FloatRange) choice, random);
    }

    private static double sampleDouble(Choice.FloatRange range, RandomGenerator random) {
        if (range.low() == range.high()) {
            return range.low();
        }
        if (range.log()) {
            double log = random.nextDouble(Math.log(range.low()), Math.log(range.high()));
            return Math.min(range.high(), Math.max(range.low(), Math.exp(log)));
        }
        return random.nextDouble(range.low(), range.high());
    }

    /** Returns whether the choice has a second legal value. */
    static boolean hasAlternative(Choice choice) {
        if (choice instanceof Choice.FloatRange f) {
            return f.high() > f.low();
        }
        return count(choice) > 1;
    }

    /** Draws a legal gene different from {@code current}; the choice must have an alternative. */
    static Number other(Choice choice, Number current, RandomGenerator random) {
        if (choice instanceof Choice.Categorical c) {
            return otherIndex(c.options().size(), current.intValue(), random);
        }
        if (choice instanceof Choice.IntRange r) {
            int position = (current.intValue() - r.low()) / r.step();
            return r.low() + r.step() * otherIndex(r.size(), position, random);
        }
        Choice.FloatRange f = (Choice.FloatRange) choice;
        double value = sampleDouble(f, random);
        while (value == current.doubleValue()) {
            value = sampleDouble(f, random);
        }
        return value;
    }

    private static int otherIndex(int count, int current, RandomGenerator random) {
        int other = random.nextInt(count - 1);
        return other >= current ? other + 1 : other;
    }

    /** Lists every gene of a categorical or integer choice in order, or none for a real one. */
    static List<Number> discreteValues(Choice choice) {
        List<Number> values = new ArrayList<>();
        if (choice instanceof Choice.Categorical c) {
            for (int i = 0; i < c.options().size(); i++) {
                values.add(i);
            }
        } else if (choice instanceof Choice.IntRange r) {
            for (int i = 0; i < r.size(); i++) {
                values.add(r.low() + i * r.step());
            }
        }
        return values;
    }

    /**
     * Lists the neighbouring genes of {@code current}: every other value of a categorical
     * or integer choice, and for a real-valued choice the value moved by
     * {@link #REAL_STEP} of its range, on a log scale when the choice is log-scaled, down
     * and up and clipped to the bounds.
     */
    static List<Number> neighbourValues(Choice choice, Number current) {
        if (!(choice instanceof Choice.FloatRange range)) {
            List<Number> values = discreteValues(choice);
            values.remove(current);
            return values;
        }
        double low = scale(range, range.low());
        double high = scale(range, range.high());
        double step = REAL_STEP * (high - low);
        double at = scale(range, current.doubleValue());
        List<Number> values = new ArrayList<>(2);
        for (double moved : new double[] {at - step, at + step}) {
            double clipped = Math.max(low, Math.min(high, moved));
            double value = range.log() ? Math.exp(clipped) : clipped;
            // exp(log(x)) may leave the bounds by a rounding error
            value = Math.max(range.low(), Math.min(range.high(), value));
            if (value != current.doubleValue() && !values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }

    private static double scale(Choice.FloatRange range, double value) {
        return range.log() ? Math.log(value) : value;
    }

    /** Counts the legal genes, returning -1 for a real-valued choice. */
    static long count(Choice choice) {
        if (choice instanceof Choice.Categorical c) {
            return c.options().size();
        }
        if (choice instanceof Choice.IntRange r) {
            return r.size();
        }
        return -1;
    }
}
