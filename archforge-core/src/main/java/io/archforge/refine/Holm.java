package io.archforge.refine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of p-values: the i-th smallest of m p-values is multiplied
 * by {@code m - i + 1}, capped at 1 and made non-decreasing. Rejecting every hypothesis
 * whose adjusted p-value is below alpha keeps the probability of any false rejection at
 * most alpha, whatever the dependence between the tests.
 */
final class Holm {

    private Holm() {
    }

    /** Returns the adjusted p-values, in the order of {@code pValues}. */
    static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int index = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
            adjusted[index] = running;
        }
        return adjusted;
    }
}
