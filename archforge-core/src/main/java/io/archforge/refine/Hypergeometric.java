package io.archforge.refine;

/**
 * The hypergeometric distribution of the number of marked items in {@code draws} items
 * drawn without replacement from {@code population} items of which {@code marked} are
 * marked. Probabilities are summed exactly from log factorials.
 */
final class Hypergeometric {

    private final int population;
    private final double[] logFactorials;

    /** Prepares the log factorials up to {@code population}. */
    Hypergeometric(int population) {
        if (population < 0) {
            throw new IllegalArgumentException("population must be 0 or more, got " + population);
        }
        this.population = population;
        this.logFactorials = new double[population + 1];
        for (int i = 2; i <= population; i++) {
            logFactorials[i] = logFactorials[i - 1] + Math.log(i);
        }
    }

    /**
     * Returns {@code P(X <= observed)}: the one-sided p-value that the draws contain as
     * few marked items as observed, or fewer.
     */
    double lowerTail(int observed, int marked, int draws) {
        if (marked < 0 || marked > population || draws < 0 || draws > population) {
            throw new IllegalArgumentException("need 0 <= marked, draws <= " + population
                    + ", got marked " + marked + ", draws " + draws);
        }
        int low = Math.max(0, draws - (population - marked));
        int high = Math.min(draws, marked);
        if (observed >= high) {
            return 1;
        }
        double total = 0;
        for (int x = low; x <= observed; x++) {
            total += Math.exp(logChoose(marked, x) + logChoose(population - marked, draws - x)
                    - logChoose(population, draws));
        }
        return Math.min(1, total);
    }

    private double logChoose(int n, int k) {
        return logFactorials[n] - logFactorials[k] - logFactorials[n - k];
    }
}
