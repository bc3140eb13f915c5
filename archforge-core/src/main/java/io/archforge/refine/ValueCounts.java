package io.archforge.refine;

import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.RefinedSpace;
import io.archforge.space.SearchSpace;
import java.util.List;

/**
 * The counts and p-values of the values of one choice, in gene order. A real-valued
 * choice has no values.
 */
final class ValueCounts {

    private final List<String> values;
    private final int[] genes;
    private final boolean[] allowedBefore;
    private final int bestGene;
    private final int[] trials;
    private final int[] topTrials;
    private final double[] pValues;
    private final double[] adjustedPValues;

    private ValueCounts(List<String> values, int[] genes, boolean[] allowedBefore,
            int bestGene) {
        this.values = values;
        this.genes = genes;
        this.allowedBefore = allowedBefore;
        this.bestGene = bestGene;
        this.trials = new int[genes.length];
        this.topTrials = new int[genes.length];
        this.pValues = new double[genes.length];
        this.adjustedPValues = new double[genes.length];
    }

    /**
     * Counts the values of choice {@code index} over {@code ranked}, best first, of which
     * the first {@code top} form the top group.
     */
    static ValueCounts of(SearchSpace space, int index, List<Architecture> ranked, int top) {
        Choice choice = space.choices().get(index);
        List<String> values = RefinedSpace.valueTexts(choice);
        List<String> allowed = space instanceof RefinedSpace refined
                ? refined.allowedValues().get(choice.name()) : values;
        int[] genes = new int[values.size()];
        boolean[] allowedBefore = new boolean[values.size()];
        for (int j = 0; j < genes.length; j++) {
            genes[j] = gene(choice, j);
            allowedBefore[j] = allowed.contains(values.get(j));
        }
        int bestGene = genes.length == 0 ? Integer.MIN_VALUE : ranked.get(0).intGene(index);
        ValueCounts counts = new ValueCounts(values, genes, allowedBefore, bestGene);
        if (genes.length > 0) {
            for (int rank = 0; rank < ranked.size(); rank++) {
                int position = counts.position(ranked.get(rank).intGene(index));
                counts.trials[position]++;
                if (rank < top) {
                    counts.topTrials[position]++;
                }
            }
        }
        return counts;
    }

    private static int gene(Choice choice, int position) {
        if (choice instanceof Choice.IntRange range) {
            return range.low() + position * range.step();
        }
        return position;
    }

    private int position(int gene) {
        for (int j = 0; j < genes.length; j++) {
            if (genes[j] == gene) {
                return j;
            }
        }
        throw new IllegalArgumentException("invalid gene " + gene + ": not a gene of the values "
                + values);
    }

    /** Returns the number of values. */
    int size() {
        return genes.length;
    }

    /**
     * Returns whether value {@code j} is tested: some trial takes it, and the searched
     * space allowed it or the best trial takes it.
     */
    boolean tested(int j) {
        return trials[j] > 0 && (allowedBefore[j] || isBest(j));
    }

    /** Returns whether the best trial takes value {@code j}. */
    boolean isBest(int j) {
        return genes[j] == bestGene;
    }

    /**
     * Computes the p-value of every tested value: 1 for a value no trial takes, NaN for
     * one the searched space excluded.
     */
    void test(Hypergeometric distribution, int top) {
        for (int j = 0; j < genes.length; j++) {
            if (tested(j)) {
                pValues[j] = distribution.lowerTail(topTrials[j], top, trials[j]);
            } else {
                pValues[j] = allowedBefore[j] || isBest(j) ? 1 : Double.NaN;
            }
            adjustedPValues[j] = pValues[j];
        }
    }

    void setAdjustedPValue(int j, double value) {
        adjustedPValues[j] = value;
    }

    String value(int j) {
        return values.get(j);
    }

    boolean allowedBefore(int j) {
        return allowedBefore[j];
    }

    int trials(int j) {
        return trials[j];
    }

    int topTrials(int j) {
        return topTrials[j];
    }

    double pValue(int j) {
        return pValues[j];
    }

    double adjustedPValue(int j) {
        return adjustedPValues[j];
    }
}
