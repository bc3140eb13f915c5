package io.archforge.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fidelities an evaluator accepts: any value between a minimum and a maximum, or
 * only the listed levels (a tabular benchmark has results for some epoch counts only).
 *
 * @param kind what the values count
 * @param min the lowest accepted value
 * @param max the highest accepted value, the full fidelity
 * @param levels the only accepted values, ascending, or empty when any value in
 *     {@code [min, max]} is accepted
 */
public record FidelityRange(FidelityKind kind, double min, double max, List<Double> levels) {

    public FidelityRange {
        Objects.requireNonNull(kind, "kind");
        levels = List.copyOf(levels);
        if (!(min > 0) || !(max >= min)) {
            throw new IllegalArgumentException("a fidelity range needs 0 < min <= max, got ["
                    + min + ", " + max + "]");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i) <= levels.get(i - 1)) {
                throw new IllegalArgumentException("fidelity levels must ascend, got " + levels);
            }
        }
    }

    /** Any value between {@code min} and {@code max}. */
    public static FidelityRange continuous(FidelityKind kind, double min, double max) {
        return new FidelityRange(kind, min, max, List.of());
    }

    /** Only the listed values. */
    public static FidelityRange discrete(FidelityKind kind, List<Double> levels) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a discrete fidelity range needs at least one level");
        }
        return new FidelityRange(kind, levels.get(0), levels.get(levels.size() - 1), levels);
    }

    /** Returns the full fidelity. */
    public Fidelity maximum() {
        return new Fidelity(kind, max);
    }

    /** Returns whether an evaluator with this range accepts {@code fidelity}. */
    public boolean accepts(Fidelity fidelity) {
        if (fidelity.kind() != kind) {
            return false;
        }
        if (!levels.isEmpty()) {
            return levels.contains(fidelity.value());
        }
        return fidelity.value() >= min && fidelity.value() <= max;
    }

    /**
     * Checks {@code fidelity} against the range.
     *
     * @throws IllegalArgumentException naming the fidelity and what is accepted
     */
    public Fidelity check(Fidelity fidelity) {
        if (!accepts(fidelity)) {
            throw new IllegalArgumentException("fidelity " + fidelity + " is outside the evaluator's range; "
                    + describe());
        }
        return fidelity;
    }

    /** Describes the accepted values in words, for messages. */
    public String describe() {
        if (!levels.isEmpty()) {
            List<String> texts = levels.stream().map(v -> new Fidelity(kind, v).toString()).toList();
            return "allowed: " + String.join(", ", texts);
        }
        return "allowed: " + new Fidelity(kind, min) + " to " + new Fidelity(kind, max);
    }

    /**
     * Returns the rungs of a successive-halving ladder with reduction factor {@code eta}, lowest
     * first: the minimum, each next one {@code eta} times the last, and the full fidelity
     * on top. A discrete range gives its levels from the minimum rung up. Epoch rungs are
     * rounded to whole epochs.
     *
     * @param eta the reduction factor, at least 2
     * @param minimum the lowest rung wanted, or the range's minimum when empty
     * @throws IllegalArgumentException when {@code eta} is below 2
     */
    public List<Fidelity> rungs(double eta, java.util.OptionalDouble minimum) {
        if (!(eta >= 2)) {
            throw new IllegalArgumentException("reduction factor must be at least 2, got " + eta);
        }
        double floor = Math.max(min, minimum.orElse(min));
        List<Fidelity> rungs = new ArrayList<>();
        if (!levels.isEmpty()) {
            levels.stream().filter(v -> v >= floor).forEach(v -> rungs.add(new Fidelity(kind, v)));
            return List.copyOf(rungs);
        }
        for (double value = floor; value < max * (1 - 1e-9); value *= eta) {
            double level = kind == FidelityKind.EPOCHS ? Math.max(1, Math.round(value)) : value;
            if (level < max && (rungs.isEmpty() || rungs.get(rungs.size() - 1).value() != level)) {
                rungs.add(new Fidelity(kind, level));
            }
        }
        rungs.add(new Fidelity(kind, max));
        return List.copyOf(rungs);
    }
}
