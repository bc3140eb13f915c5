package io.archforge.space;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A set of architectures described by a list of choices.
 *
 * <p>Implementations are immutable and thread-safe. Strategies see a space only
 * through this interface, so every operation a strategy needs (sampling, one-choice
 * mutation, the one-choice neighbourhood) lives here.
 */
public sealed interface SearchSpace
        permits CellSpace, ChoiceSpace, RefinedSpace, MeasuredSpace {

    /** The space's name, as given to {@code --space}. */
    String name();

    /** The choices, in gene order. */
    List<Choice> choices();

    /** Builds the architecture with these genes, validating each one. */
    Architecture of(List<? extends Number> genes);

    /**
     * Parses the canonical string form.
     *
     * @throws ArchitectureFormatException naming the string and the expected form
     */
    Architecture parse(String text);

    /** Draws an architecture uniformly at random (log-uniformly for log-scaled floats). */
    Architecture sample(RandomGenerator random);

    /** Changes exactly one choice to a different value picked at random. */
    Architecture mutate(Architecture parent, RandomGenerator random);

    /**
     * All architectures that differ from {@code center} in exactly one choice: every other
     * value of a categorical or integer choice, and a real-valued choice moved by a tenth
     * of its range (of its log range when log-scaled) down and up, within its bounds.
     */
    List<Architecture> neighbours(Architecture center);

    /** The number of architectures, or -1 when the space has a real-valued choice. */
    long size();

    /**
     * Returns the space without any refinement: this space itself, or the base space that a
     * {@link RefinedSpace} narrows. Code that needs the concrete kind of space, such as
     * {@code instanceof CellSpace}, tests the space this method returns.
     */
    default SearchSpace unrestricted() {
        return this;
    }
}
