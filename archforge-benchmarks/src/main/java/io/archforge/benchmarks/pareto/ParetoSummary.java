package io.archforge.benchmarks.pareto;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The spread over seeds of the measures of one strategy on one data set after one
 * checkpoint.
 *
 * @param dataset the data set
 * @param strategy the strategy name
 * @param trials the checkpoint, in trials
 * @param runs the number of seeds summarised
 * @param igd the spread of IGD
 * @param igdPlus the spread of IGD+
 * @param hypervolumeRatio the spread of the hypervolume ratio to the true front
 */
public record ParetoSummary(Nb201Dataset dataset, String strategy, int trials, int runs,
        Spread igd, Spread igdPlus, Spread hypervolumeRatio) {

    /** Groups {@code rows} by data set, strategy and checkpoint, in first-seen order. */
    public static List<ParetoSummary> of(List<ParetoRow> rows) {
        Map<List<Object>, List<ParetoRow>> groups = new LinkedHashMap<>();
        for (ParetoRow row : rows) {
            List<Object> key = List.of(row.dataset(), row.strategy(), row.trials());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<ParetoSummary> summaries = new ArrayList<>();
        for (List<ParetoRow> group : groups.values()) {
            ParetoRow first = group.get(0);
            summaries.add(new ParetoSummary(first.dataset(), first.strategy(), first.trials(),
                    group.size(), spread(group, m -> m.igd()), spread(group, m -> m.igdPlus()),
                    spread(group, m -> m.hypervolumeRatio())));
        }
        return summaries;
    }

    /** Returns the summary of {@code strategy} on {@code dataset} at {@code trials}, if any. */
    public static Optional<ParetoSummary> find(List<ParetoSummary> summaries,
            Nb201Dataset dataset, String strategy, int trials) {
        return summaries.stream()
                .filter(s -> s.dataset() == dataset && s.strategy().equals(strategy)
                        && s.trials() == trials)
                .findFirst();
    }

    private static Spread spread(List<ParetoRow> rows, ToDoubleFunction<FrontMeasures> value) {
        return Spread.of(rows.stream().map(ParetoRow::measures).mapToDouble(value).toArray());
    }
}
