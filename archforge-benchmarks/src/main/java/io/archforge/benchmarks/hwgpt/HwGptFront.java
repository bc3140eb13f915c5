package io.archforge.benchmarks.hwgpt;

import io.archforge.benchmarks.pareto.FrontMeasures;
import io.archforge.pareto.FrontDistance;
import io.archforge.pareto.Hypervolume;
import io.archforge.pareto.ObjectiveScale;
import io.archforge.study.Objective;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The exact Pareto front of perplexity (minimised) against latency on one device
 * (minimised) over every architecture of an {@link HwGptTable} that has a perplexity.
 *
 * <p>Quality measures use the front's own ideal and nadir points as the scale, so the
 * front spans [0, 1] in both coordinates, and the hypervolume reference point is
 * {@value #REFERENCE} in each scaled coordinate, as for the NAS-Bench-201 fronts of
 * {@code io.archforge.benchmarks.pareto.TrueFront}.
 */
public final class HwGptFront {

    /** Each coordinate of the hypervolume reference point, in scaled objectives. */
    public static final double REFERENCE = 1.1;

    private final HwGptDevice device;
    private final List<Point> points;
    private final ObjectiveScale scale;
    private final List<double[]> scaled;
    private final double hypervolume;

    /**
     * One architecture on a front.
     *
     * @param row the table row
     * @param perplexity its perplexity
     * @param latencyMs its latency on the front's device, in milliseconds
     */
    public record Point(int row, double perplexity, double latencyMs) {

        /** Returns the point as a vector of minimised objectives. */
        public double[] minimized() {
            return new double[] {perplexity, latencyMs};
        }
    }

    private HwGptFront(HwGptDevice device, List<Point> points) {
        this.device = device;
        this.points = List.copyOf(points);
        List<double[]> minimized = this.points.stream().map(Point::minimized).toList();
        this.scale = ObjectiveScale.spanning(minimized);
        this.scaled = scale.apply(minimized);
        this.hypervolume = Hypervolume.of(scaled, referencePoint());
    }

    /**
     * Computes the front on {@code device} from every row of {@code table} with a
     * perplexity.
     */
    public static HwGptFront of(HwGptTable table, HwGptDevice device) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(device, "device");
        List<Point> rows = new ArrayList<>();
        for (int row = 0; row < table.rows(); row++) {
            if (table.perplexity(row).isPresent()) {
                rows.add(new Point(row, table.perplexity(row).getAsDouble(),
                        table.latencyMs(row, device).orElseThrow()));
            }
        }
        return new HwGptFront(device, nonDominated(rows));
    }

    /** Returns the objectives of a search for this front: perplexity and device latency. */
    public static List<Objective> objectives(HwGptDevice device) {
        return List.of(Objective.minimize(HwGptEvaluator.PERPLEXITY),
                Objective.minimize(HwGptEvaluator.onDevice("latency_ms", device)));
    }

    /**
     * Returns the points no other point dominates, one per distinct pair of values, by
     * latency ascending (so perplexity descending).
     */
    static List<Point> nonDominated(List<Point> rows) {
        List<Point> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(Point::latencyMs)
                .thenComparingDouble(Point::perplexity).thenComparingInt(Point::row));
        List<Point> front = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (Point point : sorted) {
            // A point is on the front when every faster or equally fast one is worse.
            if (point.perplexity() < best) {
                front.add(point);
                best = point.perplexity();
            }
        }
        return front;
    }

    /** Returns the device of the latency objective. */
    public HwGptDevice device() {
        return device;
    }

    /** Returns the front's points, by latency ascending. */
    public List<Point> points() {
        return points;
    }

    /** Returns the hypervolume reference point in scaled objectives. */
    public static double[] referencePoint() {
        return new double[] {REFERENCE, REFERENCE};
    }

    /** Returns the front's hypervolume in scaled objectives. */
    public double hypervolume() {
        return hypervolume;
    }

    /**
     * Measures {@code approximation}, points of (perplexity, latency in milliseconds),
     * against this front.
     */
    public FrontMeasures measure(List<double[]> approximation) {
        List<double[]> mapped = scale.apply(approximation);
        double volume = Hypervolume.of(mapped, referencePoint());
        return new FrontMeasures(approximation.size(), FrontDistance.igd(mapped, scaled),
                FrontDistance.igdPlus(mapped, scaled), volume, volume / hypervolume);
    }
}
