package io.archforge.latency;

import io.archforge.space.Architecture;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fits a {@link LookupTable.Source#FITTED} lookup table to whole-network latencies, for
 * devices whose single kernels cannot be timed: a base latency and one latency per kernel,
 * all non-negative, such that base plus the kernels of each training network comes close
 * to its measured latency.
 *
 * <p>The fit is non-negative least squares ({@link Nnls}) on relative errors: it
 * minimises {@code sum_i ((predicted_i - measured_i) / measured_i)^2
 * + ridge * n * sum_k (kernel_k / mean)^2}, where {@code n} is the number of networks
 * and {@code mean} their mean latency. With fewer networks than kernels the plain fit is
 * underdetermined. The ridge term then keeps each kernel near 0, so the base carries the
 * mean and a kernel moves only as far as the data push it. {@link #chooseRidge} picks the
 * ridge from {@link #RIDGES} by {@value #FOLDS}-fold cross-validation.
 */
public final class LookupTableFit {

    /** The ridge weights {@link #chooseRidge} tries, smallest first. */
    public static final List<Double> RIDGES = List.of(1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0);

    /** The folds of the cross-validation. */
    public static final int FOLDS = 5;

    /** The tolerance of the non-negative least-squares solver, relative to its scale. */
    static final double TOLERANCE = 1e-10;

    private LookupTableFit() {
    }

    /**
     * Fits the table with a fixed ridge weight.
     *
     * @param layout splits the networks into kernels
     * @param architectures the measured networks, at least 1
     * @param latenciesMs their latencies in ms, finite and positive
     * @param ridge the ridge weight, at least 0
     * @throws IllegalArgumentException when the inputs break these rules
     */
    public static LookupTable fit(KernelLayout layout, List<Architecture> architectures,
            double[] latenciesMs, double ridge) {
        if (architectures.isEmpty() || architectures.size() != latenciesMs.length) {
            throw new IllegalArgumentException("a lookup table fit needs one latency per network"
                    + " and at least one network, got " + architectures.size() + " networks and "
                    + latenciesMs.length + " latencies");
        }
        if (!(ridge >= 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge weight is " + ridge
                    + "; it must be finite and at least 0");
        }
        for (int i = 0; i < latenciesMs.length; i++) {
            if (!(latenciesMs[i] > 0) || !Double.isFinite(latenciesMs[i])) {
                throw new IllegalArgumentException("network " + i + " has latency "
                        + latenciesMs[i] + " ms; a fit needs finite positive latencies");
            }
        }
        return new Design(layout, architectures).fit(latenciesMs, ridge);
    }

    /**
     * Picks the ridge weight from {@link #RIDGES} with the lowest mean absolute percentage
     * error over {@value #FOLDS} folds (one network per fold below 10 networks), the
     * smaller weight on ties. The folds are a fixed shuffle of the networks.
     *
     * @throws IllegalArgumentException when there are fewer than 2 networks
     */
    public static double chooseRidge(KernelLayout layout, List<Architecture> architectures,
            double[] latenciesMs) {
        int n = architectures.size();
        if (n < 2 || n != latenciesMs.length) {
            throw new IllegalArgumentException("choosing the ridge weight needs at least 2 "
                    + "networks with one latency each, got " + n + " networks and "
                    + latenciesMs.length + " latencies");
        }
        int[] fold = folds(n, n < 2 * FOLDS ? n : FOLDS);
        double bestError = Double.POSITIVE_INFINITY;
        double bestRidge = RIDGES.get(0);
        for (double ridge : RIDGES) {
            double[] predicted = outOfFold(layout, architectures, latenciesMs, ridge, fold);
            double error = LatencyScore.of(predicted, latenciesMs).mape();
            if (error < bestError) {
                bestError = error;
                bestRidge = ridge;
            }
        }
        return bestRidge;
    }

    /**
     * Returns the prediction of each network by a table fitted without its fold.
     *
     * @param fold the fold of each network, from 0
     */
    static double[] outOfFold(KernelLayout layout, List<Architecture> architectures,
            double[] latenciesMs, double ridge, int[] fold) {
        int folds = 0;
        for (int f : fold) {
            folds = Math.max(folds, f + 1);
        }
        double[] predicted = new double[architectures.size()];
        for (int f = 0; f < folds; f++) {
            int[] train = rows(fold, f, false);
            int[] heldOut = rows(fold, f, true);
            double[] trainMs = new double[train.length];
            for (int i = 0; i < train.length; i++) {
                trainMs[i] = latenciesMs[train[i]];
            }
            LookupTable table = fit(layout, LatencyPredictor.select(architectures, train),
                    trainMs, ridge);
            for (int row : heldOut) {
                predicted[row] = table.latencyMs(layout, architectures.get(row));
            }
        }
        return predicted;
    }

    /** Assigns each of {@code n} rows to one of {@code folds} folds after a fixed shuffle. */
    static int[] folds(int n, int folds) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % folds;
        }
        return fold;
    }

    private static int[] rows(int[] fold, int f, boolean inside) {
        int count = 0;
        for (int value : fold) {
            if ((value == f) == inside) {
                count++;
            }
        }
        int[] rows = new int[count];
        int next = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == inside) {
                rows[next++] = i;
            }
        }
        return rows;
    }

    /** The kernel counts of the training networks, with column 0 for the base. */
    private static final class Design {

        private final Map<String, Integer> columns = new LinkedHashMap<>();
        private final List<Map<Integer, Integer>> counts;

        Design(KernelLayout layout, List<Architecture> architectures) {
            this.counts = architectures.stream().map(a -> count(layout.kernels(a))).toList();
        }

        private Map<Integer, Integer> count(List<String> kernels) {
            Map<Integer, Integer> row = new HashMap<>();
            for (String kernel : kernels) {
                int column = columns.computeIfAbsent(kernel, k -> columns.size() + 1);
                row.merge(column, 1, Integer::sum);
            }
            return row;
        }

        LookupTable fit(double[] latenciesMs, double ridge) {
            int n = latenciesMs.length;
            int p = columns.size() + 1;
            double mean = 0;
            for (double latency : latenciesMs) {
                mean += latency / n;
            }

            // Row i is (mean / y_i) * (1, counts_i) with target 1, in units of the mean.
            double[][] gram = new double[p][p];
            double[] linear = new double[p];
            for (int i = 0; i < n; i++) {
                addRow(gram, linear, counts.get(i), mean / latenciesMs[i]);
            }
            for (int j = 1; j < p; j++) {
                gram[j][j] += ridge * n;
            }

            double[] solution = Nnls.solveNormal(gram, linear, TOLERANCE, Nnls.MAX_SWEEPS);
            Map<String, Double> kernels = new HashMap<>();
            for (Map.Entry<String, Integer> column : columns.entrySet()) {
                kernels.put(column.getKey(), mean * solution[column.getValue()]);
            }
            return new LookupTable(LookupTable.Source.FITTED, mean * solution[0], kernels);
        }

        /** Adds the row {@code weight * (1, counts)} with target 1 to the normal equations. */
        private static void addRow(double[][] gram, double[] linear,
                Map<Integer, Integer> counts, double weight) {
            int[] index = new int[counts.size() + 1];
            double[] value = new double[index.length];
            value[0] = weight;
            int next = 1;
            for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
                index[next] = entry.getKey();
                value[next++] = weight * entry.getValue();
            }
            for (int a = 0; a < index.length; a++) {
                linear[index[a]] += value[a];
                for (int b = 0; b < index.length; b++) {
                    gram[index[a]][index[b]] += value[a] * value[b];
                }
            }
        }
    }
}
