package io.archforge.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A base space narrowed to a subset of the values of its categorical and integer
 * choices. Real-valued choices are always left whole: they cannot be narrowed.
 *
 * <p>The refined space presents itself as its base: {@link #name()} and
 * {@link #choices()} are the base's, and {@link #of} and {@link #parse} accept every
 * architecture of the base, so encoders, evaluators and stored trials see ordinary base
 * architectures, and a stored trial from before the refinement still parses.
 * {@link #contains} returns whether an architecture lies in the refined set. The
 * operations that propose architectures, {@link #sample}, {@link #mutate} and
 * {@link #neighbours}, return members of the refined set only, and {@link #size()}
 * counts the refined set.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RefinedSpace implements SearchSpace {

    private final SearchSpace base;
    private final List<Choice> choices;
    /** Per choice, the allowed genes in increasing order, or null for a real-valued choice. */
    private final List<int[]> allowed;

    private RefinedSpace(SearchSpace base, List<int[]> allowed) {
        this.base = base;
        this.choices = base.choices();
        this.allowed = allowed;
    }

    /**
     * Narrows {@code base} to the given values. A choice that {@code allowedValues} does
     * not name keeps all its values. Values are written as in the string form: a
     * categorical option by name, an integer in decimal. When {@code base} is itself a
     * refined space, the result allows a value only when both allow it, and it narrows
     * the same unrestricted base.
     *
     * @param allowedValues the values to keep, by choice name
     * @throws IllegalArgumentException naming the choice or value and the valid ones,
     *     when a choice is unknown or real-valued, a value is not a value of its choice,
     *     or no value of a choice would be left
     */
    public static RefinedSpace restrict(SearchSpace base,
            Map<String, ? extends Collection<String>> allowedValues) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(allowedValues, "allowedValues");
        SearchSpace unrestricted = base.unrestricted();
        List<Choice> choices = unrestricted.choices();
        checkChoiceNames(unrestricted, allowedValues.keySet());
        List<int[]> allowed = new ArrayList<>(choices.size());
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            Collection<String> values = allowedValues.get(choice.name());
            int[] genes = values == null ? allGenes(choice) : genes(unrestricted, choice, values);
            if (genes != null && base instanceof RefinedSpace refined) {
                genes = intersect(genes, refined.allowed.get(i));
            }
            if (genes != null && genes.length == 0) {
                throw new IllegalArgumentException("choice '" + choice.name() + "' of space '"
                        + unrestricted.name() + "' would have no value left; keep at least one of "
                        + valueTexts(choice, refinedGenes(base, i, choice)));
            }
            allowed.add(genes);
        }
        return new RefinedSpace(unrestricted, Collections.unmodifiableList(allowed));
    }

    private static void checkChoiceNames(SearchSpace space, Set<String> names) {
        List<String> known = space.choices().stream().map(Choice::name).toList();
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("space '" + space.name()
                        + "' has no choice '" + name + "'; valid choices are " + known);
            }
        }
    }

    /** Returns all genes of a discrete choice, or null for a real-valued one. */
    private static int[] allGenes(Choice choice) {
        if (choice instanceof Choice.FloatRange) {
            return null;
        }
        return ChoiceValues.discreteValues(choice).stream().mapToInt(Number::intValue).toArray();
    }

    private static int[] refinedGenes(SearchSpace space, int index, Choice choice) {
        return space instanceof RefinedSpace refined ? refined.allowed.get(index)
                : allGenes(choice);
    }

    private static int[] genes(SearchSpace space, Choice choice, Collection<String> values) {
        if (choice instanceof Choice.FloatRange) {
            throw new IllegalArgumentException("choice '" + choice.name() + "' of space '"
                    + space.name() + "' is real-valued, and a refined space keeps real-valued "
                    + "choices whole; leave it out");
        }
        Set<Integer> genes = new LinkedHashSet<>();
        for (String value : values) {
            int gene = gene(choice, value);
            if (gene == Integer.MIN_VALUE) {
                throw new IllegalArgumentException("invalid value '" + value + "' for choice '"
                        + choice.name() + "' of space '" + space.name() + "': expected "
                        + ChoiceValues.describe(choice, false));
            }
            genes.add(gene);
        }
        return genes.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * Returns the gene of a written value, or {@link Integer#MIN_VALUE} when it is not a value of
     * the choice.
     */
    private static int gene(Choice choice, String value) {
        if (choice instanceof Choice.Categorical categorical) {
            int index = categorical.indexOf(value);
            return index >= 0 ? index : Integer.MIN_VALUE;
        }
        try {
            int number = Integer.parseInt(value.strip());
            return choice.accepts(number) ? number : Integer.MIN_VALUE;
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    private static int[] intersect(int[] genes, int[] others) {
        return Arrays.stream(genes).filter(g -> Arrays.binarySearch(others, g) >= 0).toArray();
    }

    /**
     * Writes the gene of a discrete choice as the string form does: the option name of
     * a categorical choice, the number of an integer choice.
     */
    public static String valueText(Choice choice, int gene) {
        if (choice instanceof Choice.Categorical categorical) {
            return categorical.options().get(gene);
        }
        return Integer.toString(gene);
    }

    /**
     * Lists the values of a categorical or integer choice as they are written, in gene
     * order; an empty list for a real-valued choice.
     */
    public static List<String> valueTexts(Choice choice) {
        int[] genes = allGenes(choice);
        return genes == null ? List.of() : valueTexts(choice, genes);
    }

    private static List<String> valueTexts(Choice choice, int[] genes) {
        if (genes == null) {
            return List.of();
        }
        return Arrays.stream(genes).mapToObj(g -> valueText(choice, g)).toList();
    }

    /** Returns the unrestricted space this one narrows. */
    @Override
    public SearchSpace unrestricted() {
        return base;
    }

    /**
     * Returns the allowed values of each choice, written as in the string form, by choice name
     * in gene order. A real-valued choice maps to an empty list, meaning left whole.
     */
    public Map<String, List<String>> allowedValues() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < choices.size(); i++) {
            values.put(choices.get(i).name(), valueTexts(choices.get(i), allowed.get(i)));
        }
        return values;
    }

    /**
     * Returns whether {@code architecture} lies in the refined set: it is of the base
     * space and every categorical or integer gene is an allowed value.
     */
    public boolean contains(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(base.name())
                || architecture.genes().size() != choices.size()) {
            return false;
        }
        for (int i = 0; i < choices.size(); i++) {
            if (!allows(i, architecture.genes().get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean allows(int index, Number gene) {
        int[] genes = allowed.get(index);
        return genes == null || Arrays.binarySearch(genes, gene.intValue()) >= 0;
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public List<Choice> choices() {
        return choices;
    }

    /** Builds the base architecture with these genes; it need not lie in the refined set. */
    @Override
    public Architecture of(List<? extends Number> genes) {
        return base.of(genes);
    }

    /** Parses any architecture of the base; it need not lie in the refined set. */
    @Override
    public Architecture parse(String text) {
        return base.parse(text);
    }

    /**
     * Draws each choice uniformly from its allowed values (a real-valued choice as the
     * base draws it), so every member is equally likely when no choice is real-valued.
     */
    @Override
    public Architecture sample(RandomGenerator random) {
        List<Number> genes = new ArrayList<>(choices.size());
        for (int i = 0; i < choices.size(); i++) {
            genes.add(draw(i, random));
        }
        return base.of(genes);
    }

    private Number draw(int index, RandomGenerator random) {
        int[] genes = allowed.get(index);
        if (genes == null) {
            return ChoiceValues.sample(choices.get(index), random);
        }
        return genes[random.nextInt(genes.length)];
    }

    /**
     * Changes exactly one choice that has two or more allowed values to another allowed
     * value. A parent outside the refined set is instead moved into it. Each gene that is
     * not allowed is replaced by an allowed value drawn at random, so the child is a
     * member that differs from the parent in at least one choice.
     *
     * @throws IllegalStateException when no choice has a second allowed value
     */
    @Override
    public Architecture mutate(Architecture parent, RandomGenerator random) {
        checkBase(parent);
        if (!contains(parent)) {
            return project(parent, random);
        }
        List<Integer> mutable = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            int[] genes = allowed.get(i);
            boolean alternative = genes == null ? ChoiceValues.hasAlternative(choices.get(i))
                    : genes.length > 1;
            if (alternative) {
                mutable.add(i);
            }
        }
        if (mutable.isEmpty()) {
            throw new IllegalStateException("refined space '" + name() + "' allows a single "
                    + "value for every choice, so nothing can be mutated");
        }
        int index = mutable.get(random.nextInt(mutable.size()));
        List<Number> genes = new ArrayList<>(parent.genes());
        genes.set(index, other(index, genes.get(index), random));
        return base.of(genes);
    }

    private Number other(int index, Number current, RandomGenerator random) {
        int[] genes = allowed.get(index);
        if (genes == null) {
            return ChoiceValues.other(choices.get(index), current, random);
        }
        int position = Arrays.binarySearch(genes, current.intValue());
        int pick = random.nextInt(genes.length - 1);
        return genes[pick >= position ? pick + 1 : pick];
    }

    /**
     * Returns {@code architecture} when it is a member, and otherwise the member that
     * keeps every allowed gene and draws each other gene at random from its choice's
     * allowed values.
     *
     * @throws IllegalArgumentException when the architecture is not of the base space
     */
    public Architecture project(Architecture architecture, RandomGenerator random) {
        checkBase(architecture);
        if (contains(architecture)) {
            return architecture;
        }
        List<Number> genes = new ArrayList<>(architecture.genes());
        for (int i = 0; i < choices.size(); i++) {
            if (!allows(i, genes.get(i))) {
                genes.set(i, draw(i, random));
            }
        }
        return base.of(genes);
    }

    /**
     * Lists the members among the base's neighbours of {@code center} (see
     * {@link SearchSpace#neighbours}). For a center outside the refined set these are the
     * members, if any, reached by changing its one disallowed gene.
     */
    @Override
    public List<Architecture> neighbours(Architecture center) {
        checkBase(center);
        return base.neighbours(center).stream().filter(this::contains).toList();
    }

    /**
     * Returns the product of the allowed value counts, -1 when a choice is real-valued, and
     * {@link Long#MAX_VALUE} when the product overflows.
     */
    @Override
    public long size() {
        long size = 1;
        for (int[] genes : allowed) {
            if (genes == null) {
                return -1;
            }
            try {
                size = Math.multiplyExact(size, genes.length);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return size;
    }

    private void checkBase(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(base.name())
                || architecture.genes().size() != choices.size()) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' of space '" + architecture.space() + "' is not in space '" + name()
                    + "'");
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RefinedSpace that) || !base.equals(that.base)) {
            return false;
        }
        for (int i = 0; i < allowed.size(); i++) {
            if (!Arrays.equals(allowed.get(i), that.allowed.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = base.hashCode();
        for (int[] genes : allowed) {
            hash = 31 * hash + Arrays.hashCode(genes);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "space '" + name() + "' refined to " + allowedValues();
    }
}
