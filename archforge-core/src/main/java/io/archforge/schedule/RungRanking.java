package io.archforge.schedule;

import io.archforge.pareto.ParetoRanking;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders the trials of one rung best first. With one objective, by its value; with
 * several, by non-domination rank and then by crowding distance, widest first, as in
 * NSGA-II (Deb et al., IEEE TEC 2002), so promotion keeps a spread of trade-offs.
 * Trials without every objective value (failed or pruned without values) come last.
 * Ties go to the lower trial number.
 */
final class RungRanking {

    private RungRanking() {
    }

    static List<FrozenTrial> bestFirst(List<FrozenTrial> trials, List<Objective> objectives) {
        List<FrozenTrial> scored = trials.stream()
                .filter(t -> objectives.stream().allMatch(o -> t.metrics().containsKey(o.metric())))
                .sorted(Comparator.comparingInt(FrozenTrial::number))
                .toList();
        List<double[]> points = new ArrayList<>();
        for (FrozenTrial trial : scored) {
            points.add(objectives.stream()
                    .mapToDouble(o -> o.direction().toMinimized(trial.metrics().get(o.metric())))
                    .toArray());
        }
        int[] ranks = ParetoRanking.ranks(points);
        double[] crowding = objectives.size() > 1
                ? ParetoRanking.crowdingDistances(points, ranks) : new double[points.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> ranks[i])
                .thenComparing(i -> -crowding[i])
                .thenComparingDouble(i -> points.get(i)[0])
                .thenComparingInt(i -> scored.get(i).number()));
        List<FrozenTrial> result = new ArrayList<>();
        order.forEach(i -> result.add(scored.get(i)));
        trials.stream()
                .filter(t -> !scored.contains(t))
                .sorted(Comparator.comparingInt(FrozenTrial::number))
                .forEach(result::add);
        return result;
    }
}
