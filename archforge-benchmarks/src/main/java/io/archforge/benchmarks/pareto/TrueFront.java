package io.archforge.benchmarks.pareto;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201NetworkCost;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.pareto.FrontDistance;
import io.archforge.pareto.Hypervolume;
import io.archforge.pareto.ObjectiveScale;
import io.archforge.study.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The exact Pareto front of one NAS-Bench-201 data set for 200-epoch test accuracy
 * (maximised) against FLOPs (minimised), found by looking at all 15,625 cells.
 *
 * <p>FLOPs are those of {@link Nb201NetworkCost}, the values {@link Nb201Evaluator}
 * returns, so a study's trials and the front are measured alike. Cells with equal
 * accuracy and FLOPs give one point, that of the lowest table index.
 *
 * <p>Quality measures use the front's own ideal and nadir points as the scale
 * ({@link ObjectiveScale}), so the front spans [0, 1] in both coordinates, and the
 * hypervolume reference point is {@value #REFERENCE} in each scaled coordinate.
 */
public final class TrueFront {

    /** The objectives, in this order: test accuracy maximised, FLOPs minimised. */
    public static final List<Objective> OBJECTIVES = List.of(
            Objective.maximize(Nb201Evaluator.TEST_ACCURACY),
            Objective.minimize(Nb201Evaluator.FLOPS));

    /** Each coordinate of the hypervolume reference point, in scaled objectives. */
    public static final double REFERENCE = 1.1;

    private final Nb201Dataset dataset;
    private final List<FrontPoint> points;
    private final ObjectiveScale scale;
    private final List<double[]> scaled;
    private final double hypervolume;

    private TrueFront(Nb201Dataset dataset, List<FrontPoint> points) {
        this.dataset = dataset;
        this.points = List.copyOf(points);
        List<double[]> minimized = this.points.stream().map(FrontPoint::minimized).toList();
        this.scale = ObjectiveScale.spanning(minimized);
        this.scaled = scale.apply(minimized);
        this.hypervolume = Hypervolume.of(scaled, referencePoint());
    }

    /** Computes the front of {@code dataset} from every cell of {@code table}. */
    public static TrueFront of(Nb201Table table, Nb201Dataset dataset) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(dataset, "dataset");
        List<FrontPoint> cells = new ArrayList<>(table.size());
        for (int index = 0; index < table.size(); index++) {
            double flops = Nb201NetworkCost.of(table.genes(index), dataset).flops();
            cells.add(new FrontPoint(index, table.testAccuracy(index, dataset), flops));
        }
        return new TrueFront(dataset, nonDominated(cells));
    }

    /**
     * Returns the points no other point dominates, one per distinct pair of values,
     * ordered by FLOPs ascending (so also by accuracy ascending).
     */
    static List<FrontPoint> nonDominated(List<FrontPoint> cells) {
        List<FrontPoint> sorted = new ArrayList<>(cells);
        // Cheapest first; among equal FLOPs the most accurate first, then the lowest index.
        sorted.sort(Comparator.comparingDouble(FrontPoint::flops)
                .thenComparing(Comparator.comparingDouble(FrontPoint::testAccuracy).reversed())
                .thenComparingInt(FrontPoint::cell));
        List<FrontPoint> front = new ArrayList<>();
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        for (FrontPoint point : sorted) {
            // A point is on the front exactly when every cheaper or equal one is less accurate.
            if (point.testAccuracy() > bestAccuracy) {
                front.add(point);
                bestAccuracy = point.testAccuracy();
            }
        }
        return front;
    }

    public Nb201Dataset dataset() {
        return dataset;
    }

    /** Returns the front's points, by FLOPs ascending. */
    public List<FrontPoint> points() {
        return points;
    }

    /** Returns the scale from the front's ideal point (0) to its nadir point (1). */
    public ObjectiveScale scale() {
        return scale;
    }

    /** Returns the hypervolume reference point in scaled objectives. */
    public static double[] referencePoint() {
        return new double[] {REFERENCE, REFERENCE};
    }

    /** Returns the front's hypervolume in scaled objectives against {@link #referencePoint()}. */
    public double hypervolume() {
        return hypervolume;
    }

    /** Returns the point of highest test accuracy, the last one. */
    public FrontPoint mostAccurate() {
        return points.get(points.size() - 1);
    }

    /**
     * Measures {@code approximation}, points in minimised objectives as
     * {@link FrontPoint#minimized()} gives them, against this front.
     *
     * @throws IllegalArgumentException when a point does not have two coordinates
     */
    public FrontMeasures measure(List<double[]> approximation) {
        for (double[] point : approximation) {
            if (point.length != OBJECTIVES.size()) {
                throw new IllegalArgumentException("point " + Arrays.toString(point) + " has "
                        + point.length + " objectives; the front has " + OBJECTIVES.size());
            }
        }
        List<double[]> mapped = scale.apply(approximation);
        double volume = Hypervolume.of(mapped, referencePoint());
        return new FrontMeasures(approximation.size(), FrontDistance.igd(mapped, scaled),
                FrontDistance.igdPlus(mapped, scaled), volume, volume / hypervolume);
    }
}
