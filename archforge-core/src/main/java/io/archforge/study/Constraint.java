package io.archforge.study;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bound a trial's metric must respect, written {@code METRIC<=BOUND} or
 * {@code METRIC>=BOUND}, optionally {@code @DEVICE} after the bound.
 *
 * <p>With a device the constraint reads the metric measured or looked up on that
 * device, stored under the key {@code METRIC@DEVICE}: {@code latency_ms<=5@raspi4}
 * reads {@code latency_ms@raspi4}. Without one it reads {@code METRIC} itself, which
 * for {@code latency_ms} is the study's own device.
 *
 * <p>The violation of a value is how far it lies past the bound, relative to the
 * bound's size (or absolute when the bound is 0), so constraints on metrics of
 * different units add up to one comparable total.
 *
 * @param metric the metric name, without the device
 * @param relation at most or at least
 * @param bound the bound, in the metric's unit
 * @param device the device the metric is read on, or empty for the study's own
 */
public record Constraint(String metric, Relation relation, double bound, Optional<String> device) {

    private static final Pattern FORM = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(<=|>=|=<|=>|<|>|==|=)\\s*([^@\\s<>=][^@\\s]*)?\\s*"
                    + "(?:@\\s*(\\S*))?\\s*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    /** The device written after the metric, as objectives write it: {@code latency_ms@a100<=5}. */
    private static final Pattern DEVICE_FIRST = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9_]*)@([A-Za-z0-9][A-Za-z0-9_.-]*)\\s*([<>=].*)");

    public Constraint {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(device, "device");
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException("constraint bound of " + metric
                    + " must be a finite number, got " + bound);
        }
    }

    /** At most or at least. */
    public enum Relation {
        AT_MOST("<="),
        AT_LEAST(">=");

        private final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }

        /** Returns the operator as written: {@code <=} or {@code >=}. */
        public String symbol() {
            return symbol;
        }
    }

    public static Constraint atMost(String metric, double bound) {
        return new Constraint(metric, Relation.AT_MOST, bound, Optional.empty());
    }

    public static Constraint atLeast(String metric, double bound) {
        return new Constraint(metric, Relation.AT_LEAST, bound, Optional.empty());
    }

    /**
     * Parses {@code METRIC<=BOUND}, {@code METRIC>=BOUND} and either with
     * {@code @DEVICE} at the end, such as {@code latency_ms<=5@raspi4} or
     * {@code params<=1.0}. The device may also follow the metric, as objectives write it:
     * {@code latency_ms@raspi4<=5}.
     *
     * @throws IllegalArgumentException naming the text, what is wrong and the expected form
     */
    public static Constraint parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher deviceFirst = DEVICE_FIRST.matcher(text);
        if (deviceFirst.matches() && !deviceFirst.group(3).contains("@")) {
            return parse(deviceFirst.group(1) + deviceFirst.group(3) + "@"
                    + deviceFirst.group(2));
        }
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw invalid(text, "expected METRIC<=BOUND or METRIC>=BOUND, optionally"
                    + " followed by @DEVICE");
        }
        Relation relation = switch (matcher.group(2)) {
            case "<=" -> Relation.AT_MOST;
            case ">=" -> Relation.AT_LEAST;
            default -> throw invalid(text, "operator '" + matcher.group(2)
                    + "' is not supported; use <= or >=");
        };
        if (matcher.group(3) == null) {
            throw invalid(text, "the bound is missing after '" + matcher.group(2) + "'");
        }
        double bound;
        try {
            bound = parseBound(matcher.group(3));
        } catch (NumberFormatException e) {
            throw invalid(text, "bound '" + matcher.group(3) + "' is not a number");
        }
        if (!Double.isFinite(bound)) {
            throw invalid(text, "bound '" + matcher.group(3) + "' is not a finite number");
        }
        Optional<String> device = Optional.ofNullable(matcher.group(4));
        if (device.isPresent() && !NAME.matcher(device.get()).matches()) {
            throw invalid(text, "device '" + device.get() + "' is not a device name;"
                    + " write @ and the name, such as @raspi4");
        }
        return new Constraint(matcher.group(1), relation, bound, device);
    }

    /** Parses a decimal number, rejecting the type suffixes Java's parser accepts. */
    private static double parseBound(String text) {
        if (!text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            throw new NumberFormatException(text);
        }
        return Double.parseDouble(text);
    }

    private static IllegalArgumentException invalid(String text, String problem) {
        return new IllegalArgumentException("invalid constraint '" + text + "': " + problem
                + ", for example latency_ms<=5@raspi4 or params<=1.0");
    }

    /** Returns the metric key the constraint reads: {@code METRIC} or {@code METRIC@DEVICE}. */
    public String key() {
        return device.map(name -> metric + "@" + name).orElse(metric);
    }

    /** Returns whether {@code value} respects the bound. */
    public boolean isSatisfiedBy(double value) {
        return violation(value) == 0;
    }

    /**
     * Returns how far {@code value} lies past the bound, relative to the bound's size:
     * 0 when the bound holds, positive infinity for NaN.
     */
    public double violation(double value) {
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
        double excess = relation == Relation.AT_MOST ? value - bound : bound - value;
        if (excess <= 0) {
            return 0;
        }
        return bound == 0 ? excess : excess / Math.abs(bound);
    }

    @Override
    public String toString() {
        String number = bound == Math.rint(bound) && Math.abs(bound) < 1e15
                ? String.format(Locale.ROOT, "%.1f", bound) : Double.toString(bound);
        return metric + relation.symbol() + number + device.map(name -> "@" + name).orElse("");
    }
}
