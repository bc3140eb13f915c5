package io.archforge.refine;

import io.archforge.space.Choice;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The evidence about one choice of the space: its importance and, for a categorical or
 * integer choice, the evidence and decision for every value in gene order.
 *
 * @param choice the choice name
 * @param kind the kind of choice
 * @param importance the share of the objective's variance that the choice explains on
 *     its own, as epsilon squared (see {@link SpaceRefiner}), from 0 to 1
 * @param values every value of a categorical or integer choice, in gene order; empty for
 *     a real-valued choice, which a refinement leaves whole
 */
public record ChoiceEvidence(String choice, Kind kind, double importance,
        List<ValueEvidence> values) {

    public ChoiceEvidence {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(kind, "kind");
        values = List.copyOf(values);
        if (kind == Kind.REAL && !values.isEmpty()) {
            throw new IllegalArgumentException("real-valued choice '" + choice
                    + "' is left whole, so it takes no value evidence");
        }
        if (kind != Kind.REAL && values.stream().noneMatch(v -> v.decision().keeps())) {
            throw new IllegalArgumentException("choice '" + choice
                    + "' keeps no value; a refinement must keep at least one value per choice");
        }
    }

    /** The kind of a choice. */
    public enum Kind {
        CATEGORICAL,
        INTEGER,
        REAL;

        /** Returns the kind of {@code choice}. */
        public static Kind of(Choice choice) {
            if (choice instanceof Choice.Categorical) {
                return CATEGORICAL;
            }
            return choice instanceof Choice.IntRange ? INTEGER : REAL;
        }

        /** Returns the lower-case name written to JSON. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses an {@link #id()}.
         *
         * @throws IllegalArgumentException naming the text and the valid names
         */
        public static Kind parse(String id) {
            for (Kind kind : values()) {
                if (kind.id().equals(id)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown choice kind '" + id
                    + "'; expected categorical, integer or real");
        }
    }

    /**
     * Returns the values the refined space allows, in gene order, or none for a
     * real-valued choice.
     */
    public List<String> keptValues() {
        return values.stream().filter(v -> v.decision().keeps()).map(ValueEvidence::value)
                .toList();
    }

    /** Returns the values the refinement removes, in gene order. */
    public List<String> removedValues() {
        return values.stream().filter(v -> v.decision() == Decision.REMOVED)
                .map(ValueEvidence::value).toList();
    }
}
