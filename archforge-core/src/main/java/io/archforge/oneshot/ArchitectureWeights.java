package io.archforge.oneshot;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The architecture logits of differentiable search over a {@link CellSpace}: one row
 * per edge, one column per operation, in the space's order. The operation weights of an
 * edge are the softmax of its row.
 *
 * @param space the cell space
 * @param logits edges x operations, copied
 */
public record ArchitectureWeights(CellSpace space, double[][] logits) {

    public ArchitectureWeights {
        if (logits.length != space.edgeCount()) {
            throw new IllegalArgumentException("expected " + space.edgeCount()
                    + " rows of architecture weights, one per edge, got " + logits.length);
        }
        double[][] copy = new double[logits.length][];
        for (int edge = 0; edge < logits.length; edge++) {
            if (logits[edge].length != space.operations().size()) {
                throw new IllegalArgumentException("edge " + edge + " has "
                        + logits[edge].length + " weights, expected one per operation "
                        + space.operations());
            }
            for (double value : logits[edge]) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("invalid architecture weight " + value
                            + " on edge " + edge + " because the search diverged: lower the"
                            + " learning rates and run it again");
                }
            }
            copy[edge] = logits[edge].clone();
        }
        logits = copy;
    }

    /** Creates weights from a row-major array of edges x operations values. */
    public static ArchitectureWeights ofFlat(CellSpace space, float[] values) {
        int operations = space.operations().size();
        if (values.length != space.edgeCount() * operations) {
            throw new IllegalArgumentException("expected " + space.edgeCount() * operations
                    + " architecture weights, got " + values.length);
        }
        double[][] logits = new double[space.edgeCount()][operations];
        for (int k = 0; k < values.length; k++) {
            logits[k / operations][k % operations] = values[k];
        }
        return new ArchitectureWeights(space, logits);
    }

    /** Returns a copy of the logits. */
    @Override
    public double[][] logits() {
        double[][] copy = new double[logits.length][];
        for (int edge = 0; edge < logits.length; edge++) {
            copy[edge] = logits[edge].clone();
        }
        return copy;
    }

    /** Returns the softmax of each edge's logits. */
    public double[][] probabilities() {
        double[][] result = new double[logits.length][];
        for (int edge = 0; edge < logits.length; edge++) {
            result[edge] = softmax(logits[edge]);
        }
        return result;
    }

    /**
     * Returns the mean over edges of the entropy of each edge's operation weights, in
     * nats. It is {@code ln(operations)} when every edge weighs all operations equally and
     * approaches 0 as every edge settles on one operation.
     */
    public double meanEntropy() {
        double sum = 0;
        for (double[] row : probabilities()) {
            for (double p : row) {
                if (p > 0) {
                    sum -= p * Math.log(p);
                }
            }
        }
        return sum / logits.length;
    }

    /**
     * Derives the cell that keeps the strongest operation of every edge, as the
     * NAS-Bench-201 protocol derives a cell from differentiable search.
     */
    public Architecture derive() {
        List<Integer> genes = new ArrayList<>();
        for (double[] row : logits) {
            genes.add(argMax(row, -1));
        }
        return space.of(genes);
    }

    /** Returns the index of the largest entry of {@code row} other than {@code excluded}. */
    static int argMax(double[] row, int excluded) {
        int best = -1;
        for (int k = 0; k < row.length; k++) {
            if (k != excluded && (best < 0 || row[k] > row[best])) {
                best = k;
            }
        }
        return best;
    }

    private static double[] softmax(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : row) {
            max = Math.max(max, value);
        }
        double sum = 0;
        double[] result = new double[row.length];
        for (int k = 0; k < row.length; k++) {
            result[k] = Math.exp(row[k] - max);
            sum += result[k];
        }
        for (int k = 0; k < row.length; k++) {
            result[k] /= sum;
        }
        return result;
    }

    /**
     * Formats the probabilities for logs: each edge, then its {@code operation=p} pairs,
     * with edges separated by {@code "; "}.
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        double[][] probabilities = probabilities();
        List<String> operations = space.operations();
        for (int edge = 0; edge < probabilities.length; edge++) {
            text.append(edge == 0 ? "" : "; ").append(space.edges().get(edge)).append(':');
            for (int k = 0; k < operations.size(); k++) {
                text.append(String.format(Locale.ROOT, " %s=%.3f", operations.get(k),
                        probabilities[edge][k]));
            }
        }
        return text.toString();
    }
}
