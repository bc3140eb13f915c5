package io.archforge.latency;

import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.List;
import java.util.Objects;

/**
 * Predicts latency as the sum of an operation lookup table over a network's kernels.
 *
 * <p>A measured predictor ({@link #measured}) contains a table whose kernels were timed on
 * the device, and its {@link #fit} changes nothing. A fitted predictor ({@link #fitted})
 * estimates a fitted lookup table from the training networks at each fit by
 * {@link LookupTableFit}, with a fixed ridge weight or one chosen by cross-validation.
 */
public final class LookupPredictor implements LatencyPredictor {

    /** The name benchmarks report. */
    public static final String NAME = "lookup";

    private final KernelLayout layout;
    private final boolean measured;
    private final Double fixedRidge;
    private LookupTable table;
    private double ridge = Double.NaN;

    private LookupPredictor(KernelLayout layout, LookupTable table, Double fixedRidge) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.table = table;
        this.measured = table != null;
        this.fixedRidge = fixedRidge;
    }

    /**
     * Creates a predictor that sums {@code table}, whose kernels were timed on the device.
     *
     * @throws IllegalArgumentException when the table is not a measured one
     */
    public static LookupPredictor measured(KernelLayout layout, LookupTable table) {
        Objects.requireNonNull(table, "table");
        if (table.source() != LookupTable.Source.MEASURED) {
            throw new IllegalArgumentException("a measured lookup predictor needs a measured "
                    + "table, got a " + table.source() + " one; use LookupPredictor.fitted");
        }
        return new LookupPredictor(layout, table, null);
    }

    /** Creates a predictor that fits its table at each fit, choosing the ridge weight. */
    public static LookupPredictor fitted(KernelLayout layout) {
        return new LookupPredictor(layout, null, null);
    }

    /** Creates a predictor that fits its table at each fit with the ridge weight given. */
    public static LookupPredictor fitted(KernelLayout layout, double ridge) {
        if (!(ridge >= 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge weight is " + ridge
                    + "; it must be finite and at least 0");
        }
        return new LookupPredictor(layout, null, ridge);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SearchSpace space() {
        return layout.space();
    }

    /** Returns the layout that splits networks into kernels. */
    public KernelLayout layout() {
        return layout;
    }

    /** Returns 0 for a measured table, which needs no network, and 2 for a fitted one. */
    @Override
    public int minTrainingSize() {
        return measured ? 0 : 2;
    }

    @Override
    public void fit(List<Architecture> architectures, double[] latenciesMs) {
        LatencyPredictor.checkTrainingSet(this, architectures, latenciesMs);
        if (measured) {
            return;
        }
        ridge = fixedRidge != null ? fixedRidge
                : LookupTableFit.chooseRidge(layout, architectures, latenciesMs);
        table = LookupTableFit.fit(layout, architectures, latenciesMs, ridge);
    }

    @Override
    public double predictMs(Architecture architecture) {
        if (table == null) {
            throw new IllegalStateException("the fitted lookup table is not fitted; call fit");
        }
        return table.latencyMs(layout, architecture);
    }

    /** Returns the table, or null before the first fit of a fitted predictor. */
    public LookupTable table() {
        return table;
    }

    /** Returns the ridge weight of the last fit, NaN for a measured table or before a fit. */
    public double ridge() {
        return ridge;
    }

    /**
     * Returns, for each training network, the prediction of a table fitted without it: the
     * table's own prediction for a measured table, and for a fitted one the prediction of
     * a table refitted, with the last fit's ridge weight, on the other folds of a fixed
     * {@value LookupTableFit#FOLDS}-fold split. A model that stacks on the lookup sum reads
     * these, so it does not learn to trust the in-sample fit.
     *
     * @throws IllegalStateException when a fitted predictor was not fitted yet
     */
    public double[] outOfFold(List<Architecture> architectures, double[] latenciesMs) {
        if (measured) {
            return predictMs(architectures);
        }
        if (table == null) {
            throw new IllegalStateException("fit the lookup predictor before asking for "
                    + "out-of-fold predictions");
        }
        int n = architectures.size();
        int[] fold = LookupTableFit.folds(n, n < 2 * LookupTableFit.FOLDS ? n
                : LookupTableFit.FOLDS);
        return LookupTableFit.outOfFold(layout, architectures, latenciesMs, ridge, fold);
    }
}
