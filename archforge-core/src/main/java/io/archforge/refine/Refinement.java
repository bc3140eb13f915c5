package io.archforge.refine;

import io.archforge.space.Choice;
import io.archforge.space.RefinedSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.Objective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of refining a study's space: for each choice its importance and, for each
 * value, the evidence and the decision. {@link #apply} turns it into the refined space.
 *
 * @param study the study whose trials were analysed
 * @param space the name of the base space
 * @param objective the objective that ranked the trials
 * @param confidence the confidence C the decisions were made with
 * @param topFraction the share of the trials, best first, that formed the top group
 * @param trials the complete trials analysed
 * @param topTrials the trials in the top group
 * @param bestTrial the number of the best trial, whose values are always kept
 * @param bestArchitecture the best trial's architecture in its string form
 * @param choices the evidence per choice, in gene order
 */
public record Refinement(String study, String space, Objective objective, double confidence,
        double topFraction, int trials, int topTrials, int bestTrial, String bestArchitecture,
        List<ChoiceEvidence> choices) {

    public Refinement {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(bestArchitecture, "bestArchitecture");
        choices = List.copyOf(choices);
        RefinerSettings.requireConfidence(confidence);
        RefinerSettings.requireTopFraction(topFraction);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("refinement of study '" + study
                    + "' has no choice");
        }
        if (topTrials < 1 || topTrials > trials) {
            throw new IllegalArgumentException("refinement of study '" + study + "' has "
                    + topTrials + " top trials of " + trials + "; expected 1 to " + trials);
        }
    }

    /**
     * Returns the values the refined space allows, by choice name in gene order, for every
     * categorical or integer choice. Real-valued choices are left whole and not listed.
     */
    public Map<String, List<String>> allowedValues() {
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        for (ChoiceEvidence choice : choices) {
            if (choice.kind() != ChoiceEvidence.Kind.REAL) {
                allowed.put(choice.choice(), choice.keptValues());
            }
        }
        return allowed;
    }

    /** Returns the number of values the refinement removes over all choices. */
    public int removedCount() {
        return choices.stream().mapToInt(c -> c.removedValues().size()).sum();
    }

    /**
     * Returns the size of the space the study searched: the product of the value counts without
     * the {@link Decision#EXCLUDED} ones; -1 with a real-valued choice, and
     * {@link Long#MAX_VALUE} when the product overflows.
     */
    public long sizeBefore() {
        return product(v -> v.decision() != Decision.EXCLUDED);
    }

    /** Returns the size of the refined space, counted as {@link #sizeBefore()} is. */
    public long sizeAfter() {
        return product(v -> v.decision().keeps());
    }

    private long product(java.util.function.Predicate<ValueEvidence> counted) {
        long size = 1;
        for (ChoiceEvidence choice : choices) {
            if (choice.kind() == ChoiceEvidence.Kind.REAL) {
                return -1;
            }
            long count = choice.values().stream().filter(counted).count();
            try {
                size = Math.multiplyExact(size, count);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return size;
    }

    /**
     * Narrows {@code base} to the values this refinement keeps. A refined {@code base}
     * is replaced by its unrestricted space first: the refinement lists every value, so
     * it describes the whole refined set on its own.
     *
     * @throws IllegalArgumentException naming both spaces when {@code base} has another
     *     name or other choices or values than the refined space
     */
    public RefinedSpace apply(SearchSpace base) {
        Objects.requireNonNull(base, "base");
        SearchSpace unrestricted = base.unrestricted();
        requireFits(unrestricted);
        return RefinedSpace.restrict(unrestricted, allowedValues());
    }

    /**
     * Checks that {@code base} has the name, choices and values this refinement was made
     * for.
     *
     * @throws IllegalArgumentException naming both spaces and the first difference
     */
    public void requireFits(SearchSpace base) {
        SearchSpace unrestricted = base.unrestricted();
        String mismatch = mismatch(unrestricted);
        if (mismatch != null) {
            throw new IllegalArgumentException("the refinement of study '" + study
                    + "' was made for space '" + space + "' with choices " + choiceNames()
                    + ", but space '" + unrestricted.name() + "' has choices "
                    + unrestricted.choices().stream().map(Choice::name).toList() + " ("
                    + mismatch + "); apply it to space '" + space + "'");
        }
    }

    /**
     * Returns the first difference between {@code base} and the space this refinement was
     * made for, such as {@code choice 'recipe.epochs' has values [1, 2, 3], not [1, 2]},
     * or empty when the refinement fits {@code base}.
     */
    public Optional<String> difference(SearchSpace base) {
        return Optional.ofNullable(mismatch(base.unrestricted()));
    }

    private String mismatch(SearchSpace base) {
        if (!base.name().equals(space)) {
            return "another name";
        }
        List<Choice> baseChoices = base.choices();
        if (baseChoices.size() != choices.size()) {
            return choices.size() + " choices against " + baseChoices.size();
        }
        for (int i = 0; i < choices.size(); i++) {
            ChoiceEvidence evidence = choices.get(i);
            Choice choice = baseChoices.get(i);
            if (!choice.name().equals(evidence.choice())
                    || ChoiceEvidence.Kind.of(choice) != evidence.kind()) {
                return "choice " + (i + 1) + " is '" + choice.name() + "' ("
                        + ChoiceEvidence.Kind.of(choice).id() + "), not '" + evidence.choice()
                        + "' (" + evidence.kind().id() + ")";
            }
            List<String> values = evidence.values().stream().map(ValueEvidence::value).toList();
            if (!RefinedSpace.valueTexts(choice).equals(values)) {
                return "choice '" + choice.name() + "' has values "
                        + RefinedSpace.valueTexts(choice) + ", not " + values;
            }
        }
        return null;
    }

    private List<String> choiceNames() {
        List<String> names = new ArrayList<>();
        choices.forEach(choice -> names.add(choice.choice()));
        return names;
    }
}
