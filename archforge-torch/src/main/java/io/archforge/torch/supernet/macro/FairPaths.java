package io.archforge.torch.supernet.macro;

import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Draws sets of paths in which every choice of a discrete choice space takes each of its
 * values equally often, as strict fairness requires (Chu et al., 2021).
 *
 * <p>A set contains {@code L} paths, where {@code L} is the least common multiple of the
 * choices' value counts, so a choice with {@code n} values takes each of them exactly
 * {@code L / n} times. Each choice's column of values is shuffled on its own, so the
 * values of different choices are paired at random. In the macro space the counts are 3,
 * 6, 2, 3 and 2, so a set contains 6 paths and no approximation is needed.
 */
public final class FairPaths {
    /** The largest set that {@link #draw} builds, to keep one training step bounded. */
    public static final int MAX_PATHS = 720;

    private FairPaths() {
    }

    /**
     * Draws one set of paths.
     *
     * @throws IllegalArgumentException when the space has a real-valued choice, or when
     *     the least common multiple of the value counts exceeds {@link #MAX_PATHS}
     */
    public static List<Architecture> draw(ChoiceSpace space, RandomGenerator random) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(random, "random");
        List<List<Integer>> values = new ArrayList<>();
        for (Choice choice : space.choices()) {
            values.add(values(choice));
        }
        int paths = pathCount(space, values);

        // One shuffled column per choice, each value repeated paths / count times
        List<int[]> columns = new ArrayList<>();
        for (List<Integer> choiceValues : values) {
            columns.add(shuffledColumn(choiceValues, paths, random));
        }

        // Path i takes row i of every column
        List<Architecture> architectures = new ArrayList<>(paths);
        for (int path = 0; path < paths; path++) {
            List<Integer> genes = new ArrayList<>(columns.size());
            for (int[] column : columns) {
                genes.add(column[path]);
            }
            architectures.add(space.of(genes));
        }
        return List.copyOf(architectures);
    }

    /** Returns the genes of a discrete choice, in order. */
    static List<Integer> values(Choice choice) {
        List<Integer> genes = new ArrayList<>();
        if (choice instanceof Choice.Categorical categorical) {
            for (int index = 0; index < categorical.options().size(); index++) {
                genes.add(index);
            }
        } else if (choice instanceof Choice.IntRange range) {
            for (int value = range.low(); value <= range.high(); value += range.step()) {
                genes.add(value);
            }
        } else {
            throw new IllegalArgumentException("choice '" + choice.name()
                    + "' is real-valued; fair paths need categorical or integer choices");
        }
        return genes;
    }

    private static int pathCount(ChoiceSpace space, List<List<Integer>> values) {
        long paths = 1;
        for (List<Integer> choiceValues : values) {
            paths = leastCommonMultiple(paths, choiceValues.size());
            if (paths > MAX_PATHS) {
                throw new IllegalArgumentException("a fair set of space '" + space.name()
                        + "' needs more than " + MAX_PATHS + " paths; the least common"
                        + " multiple of its value counts is too large");
            }
        }
        return (int) paths;
    }

    private static long leastCommonMultiple(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long remainder = x % y;
            x = y;
            y = remainder;
        }
        return a / x * b;
    }

    private static int[] shuffledColumn(List<Integer> values, int paths,
            RandomGenerator random) {
        int[] column = new int[paths];
        for (int i = 0; i < paths; i++) {
            column[i] = values.get(i % values.size());
        }

        // Fisher-Yates shuffle
        for (int i = paths - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = column[i];
            column[i] = column[j];
            column[j] = swap;
        }
        return column;
    }
}
