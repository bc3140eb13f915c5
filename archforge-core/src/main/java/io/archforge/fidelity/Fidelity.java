package io.archforge.fidelity;

import java.util.Objects;

/**
 * How much an evaluation may spend: a number of epochs or a fraction of the data.
 *
 * <p>The text form is {@code KIND:VALUE}, such as {@code epochs:12} or
 * {@code data_fraction:0.25}; trials store it in the {@value #ATTRIBUTE} attribute.
 *
 * @param kind what the value counts
 * @param value the amount, positive; at most 1 for a data fraction
 */
public record Fidelity(FidelityKind kind, double value) implements Comparable<Fidelity> {

    /** The trial attribute with the fidelity an evaluation ran at. */
    public static final String ATTRIBUTE = "fidelity";

    public Fidelity {
        Objects.requireNonNull(kind, "kind");
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("fidelity must be a positive number, got " + value);
        }
        if (kind == FidelityKind.DATA_FRACTION && value > 1) {
            throw new IllegalArgumentException("a data fraction must be in (0, 1], got " + value);
        }
    }

    /** Creates a fidelity of {@code epochs} training epochs. */
    public static Fidelity epochs(double epochs) {
        return new Fidelity(FidelityKind.EPOCHS, epochs);
    }

    /** Creates a fidelity of a {@code fraction} of the training data. */
    public static Fidelity dataFraction(double fraction) {
        return new Fidelity(FidelityKind.DATA_FRACTION, fraction);
    }

    /**
     * Parses the text form {@code KIND:VALUE}.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Fidelity parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("fidelity '" + text
                    + "' is not of the form KIND:VALUE, such as epochs:12 or data_fraction:0.5");
        }
        FidelityKind kind = FidelityKind.parse(text.substring(0, colon));
        String number = text.substring(colon + 1).strip();
        try {
            return new Fidelity(kind, Double.parseDouble(number));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fidelity '" + text + "' has no number after the colon");
        }
    }

    /** Returns the value rounded to a whole count, for epochs. */
    public int asInt() {
        return (int) Math.round(value);
    }

    @Override
    public int compareTo(Fidelity other) {
        if (kind != other.kind) {
            throw new IllegalArgumentException("cannot compare " + this + " with " + other);
        }
        return Double.compare(value, other.value);
    }

    @Override
    public String toString() {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
        return kind.label() + ":" + number;
    }
}
