package io.archforge.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A search space that is a flat list of independent choices.
 *
 * <p>The string form is {@code name=value,name=value,...} in choice order: a
 * categorical choice by option name, an integer as a number, a real number as
 * Java writes a {@code double} ({@link Double#toString(double)}), so parsing the
 * printed form gives back the same genes. Choices have no symmetry, so the
 * isomorphism key is the string form.
 *
 * <p>A {@link ChoiceCondition} makes a choice inactive while an integer choice is below
 * a minimum. Every architecture the space builds gives its inactive choices their first
 * value, so the string form stays canonical, and mutation and the neighbourhood change
 * active choices only. NOTE: {@link RefinedSpace} does not know conditions yet. It
 * counts gene vectors, and when it narrows a conditional choice to values without the
 * first one, an architecture with that choice inactive is not in the refined set.
 *
 * @param name the space name
 * @param choices the choices, in gene order, with distinct names
 * @param conditions the conditions of the conditional choices, at most one per choice
 */
public record ChoiceSpace(String name, List<Choice> choices, List<ChoiceCondition> conditions)
        implements SearchSpace {

    public ChoiceSpace {
        Objects.requireNonNull(name, "name");
        choices = List.copyOf(choices);
        conditions = List.copyOf(conditions);
        if (name.isBlank()) {
            throw new IllegalArgumentException("choice space name is empty");
        }
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("choice space '" + name + "' needs a choice");
        }
        checkNames(name, choices);
        ChoiceConditions.check(name, choices, conditions);
    }

    /** Creates a space whose choices are all active in every architecture. */
    public ChoiceSpace(String name, List<Choice> choices) {
        this(name, choices, List.of());
    }

    /** Returns whether choice {@code index} is active in {@code architecture}. */
    public boolean isActive(Architecture architecture, int index) {
        Objects.checkIndex(index, choices.size());
        return ChoiceConditions.isActive(this, checkMember(architecture).genes(), index);
    }

    private static void checkNames(String space, List<Choice> choices) {
        Set<String> seen = new HashSet<>();
        for (Choice choice : choices) {
            if (!seen.add(choice.name())) {
                throw new IllegalArgumentException(
                        "choice space '" + space + "' repeats the choice '" + choice.name() + "'");
            }
            ChoiceFormat.checkName(space, choice.name());
            if (choice instanceof Choice.Categorical categorical) {
                categorical.options().forEach(o -> ChoiceFormat.checkName(space, o));
            }
        }
    }

    /** Returns the index of the choice named {@code choiceName}, or -1 when there is none. */
    public int indexOf(String choiceName) {
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).name().equals(choiceName)) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the option name that a categorical choice of {@code architecture} takes. */
    public String option(Architecture architecture, String choiceName) {
        int index = requireIndex(choiceName);
        if (!(choices.get(index) instanceof Choice.Categorical categorical)) {
            throw new IllegalArgumentException("choice '" + choiceName + "' of space '" + name
                    + "' is not categorical; read it with intValue or doubleValue");
        }
        return categorical.options().get(checkMember(architecture).intGene(index));
    }

    /** The value an integer choice of {@code architecture} takes. */
    public int intValue(Architecture architecture, String choiceName) {
        int index = requireIndex(choiceName);
        if (!(choices.get(index) instanceof Choice.IntRange)) {
            throw new IllegalArgumentException("choice '" + choiceName + "' of space '" + name
                    + "' is not an integer choice");
        }
        return checkMember(architecture).intGene(index);
    }

    /** The value a real-valued choice of {@code architecture} takes. */
    public double doubleValue(Architecture architecture, String choiceName) {
        int index = requireIndex(choiceName);
        if (!(choices.get(index) instanceof Choice.FloatRange)) {
            throw new IllegalArgumentException("choice '" + choiceName + "' of space '" + name
                    + "' is not a real-valued choice");
        }
        return checkMember(architecture).doubleGene(index);
    }

    private int requireIndex(String choiceName) {
        int index = indexOf(choiceName);
        if (index < 0) {
            throw new IllegalArgumentException("space '" + name + "' has no choice '" + choiceName
                    + "'; valid choices are " + choiceNames());
        }
        return index;
    }

    /** The choice names, in gene order. */
    public List<String> choiceNames() {
        return choices.stream().map(Choice::name).toList();
    }

    @Override
    public Architecture of(List<? extends Number> genes) {
        Objects.requireNonNull(genes, "genes");
        if (genes.size() != choices.size()) {
            throw new IllegalArgumentException("space '" + name + "' needs " + choices.size()
                    + " genes, one per choice " + choiceNames() + ", got " + genes.size());
        }
        List<Number> normalized = new ArrayList<>(genes.size());
        for (int i = 0; i < genes.size(); i++) {
            normalized.add(ChoiceValues.normalize(choices.get(i), genes.get(i)));
        }
        return build(normalized);
    }

    private Architecture build(List<Number> genes) {
        List<Number> canonical = ChoiceConditions.canonical(this, genes);
        String text = ChoiceFormat.print(choices, canonical);
        return new Architecture(name, canonical, text, text);
    }

    @Override
    public Architecture parse(String text) {
        return build(ChoiceFormat.parse(this, text));
    }

    @Override
    public Architecture sample(RandomGenerator random) {
        List<Number> genes = new ArrayList<>(choices.size());
        for (Choice choice : choices) {
            genes.add(ChoiceValues.sample(choice, random));
        }
        return build(genes);
    }

    @Override
    public Architecture mutate(Architecture parent, RandomGenerator random) {
        checkMember(parent);
        List<Integer> mutable = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            if (ChoiceValues.hasAlternative(choices.get(i)) && isActive(parent, i)) {
                mutable.add(i);
            }
        }
        if (mutable.isEmpty()) {
            throw new IllegalStateException("space '" + name
                    + "' has no choice with two or more values, so nothing can be mutated");
        }
        int index = mutable.get(random.nextInt(mutable.size()));
        List<Number> genes = new ArrayList<>(parent.genes());
        genes.set(index, ChoiceValues.other(choices.get(index), genes.get(index), random));
        return build(genes);
    }

    @Override
    public List<Architecture> neighbours(Architecture center) {
        checkMember(center);
        List<Architecture> neighbours = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            if (!isActive(center, i)) {
                continue;
            }
            Number current = center.genes().get(i);
            for (Number value : ChoiceValues.neighbourValues(choices.get(i), current)) {
                List<Number> genes = new ArrayList<>(center.genes());
                genes.set(i, value);
                neighbours.add(build(genes));
            }
        }
        return List.copyOf(neighbours);
    }

    /**
     * The product of the choices' value counts, -1 when a choice is real-valued,
     * and {@link Long#MAX_VALUE} when the product overflows. With conditions, the number
     * of distinct canonical gene vectors.
     */
    @Override
    public long size() {
        if (!conditions.isEmpty()) {
            return ChoiceConditions.count(this);
        }
        long size = 1;
        for (Choice choice : choices) {
            long count = ChoiceValues.count(choice);
            if (count < 0) {
                return -1;
            }
            try {
                size = Math.multiplyExact(size, count);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return size;
    }

    private Architecture checkMember(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(name) || architecture.genes().size() != choices.size()) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' of space '" + architecture.space() + "' is not in space '" + name + "'");
        }
        return architecture;
    }
}
