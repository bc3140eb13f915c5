package io.archforge.schedule;

import io.archforge.study.FrozenTrial;
import io.archforge.study.IntermediateValue;
import io.archforge.study.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The median stopping rule of Google Vizier (Golovin et al., KDD 2017), generalised to
 * any percentile: a trial stops at step {@code s} when its best value so far is worse
 * than the given percentile of its peers' running averages up to {@code s}. A peer is a
 * finished trial that reported at {@code s}. Nothing stops before
 * {@code warmupSteps}, or while fewer than {@code minPeers} peers have reached the
 * step. With more than one objective the rule watches the first, the one the
 * intermediate values report.
 *
 * @param percentile from 0 to 100; 50 is the median rule, and a lower value stops more
 *     (at 25 a trial goes on only while it is within the best quarter of its peers)
 * @param minPeers the peers needed at a step before any trial stops there, at least 1
 * @param warmupSteps steps below this never stop
 */
public record PercentileStopping(double percentile, int minPeers, int warmupSteps) implements StoppingRule {

    /** The scheduler name. */
    public static final String NAME = "median";

    public PercentileStopping {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("median option percentile must be from 0 to 100, got "
                    + percentile);
        }
        if (minPeers < 1) {
            throw new IllegalArgumentException("median option min_peers must be at least 1, got " + minPeers);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("median option warmup_steps must be >= 0, got " + warmupSteps);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean shouldStop(List<IntermediateValue> reported, int step, List<FrozenTrial> peers,
            Objective objective) {
        if (step < warmupSteps) {
            return false;
        }
        OptionalDouble best = reported.stream()
                .filter(v -> v.metric().equals(objective.metric()) && v.step() <= step)
                .mapToDouble(v -> objective.direction().toMinimized(v.value()))
                .min();
        if (best.isEmpty()) {
            return false;
        }
        List<Double> averages = new ArrayList<>();
        for (FrozenTrial peer : peers) {
            runningAverage(peer, step, objective).ifPresent(averages::add);
        }
        if (averages.size() < minPeers) {
            return false;
        }
        return best.getAsDouble() > percentileOf(averages, percentile);
    }

    /** Averages a peer's minimised values up to {@code step}, if it reported at {@code step}. */
    private static OptionalDouble runningAverage(FrozenTrial peer, int step, Objective objective) {
        boolean reachedStep = peer.intermediate().stream()
                .anyMatch(v -> v.metric().equals(objective.metric()) && v.step() == step);
        if (!reachedStep) {
            return OptionalDouble.empty();
        }
        return peer.intermediate().stream()
                .filter(v -> v.metric().equals(objective.metric()) && v.step() <= step)
                .mapToDouble(v -> objective.direction().toMinimized(v.value()))
                .average();
    }

    /**
     * The {@code p}-th percentile of minimised values, interpolated linearly. Values are
     * minimised, so the best come first and a trial worse than the percentile has a
     * larger value.
     */
    static double percentileOf(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double position = p / 100 * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        double weight = position - low;
        return sorted[low] * (1 - weight) + sorted[high] * weight;
    }
}
