package io.archforge.web.view;

import io.archforge.study.Constraint;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON views of study configurations and trial counts. */
public final class ConfigViews {

    private ConfigViews() {
    }

    /**
     * Describes the configuration as stored, with objectives and constraints written as
     * on the command line.
     */
    public static Map<String, Object> config(StudyConfig config) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", config.name());
        view.put("space", config.space());
        view.put("evaluator", config.evaluator());
        view.put("evaluator_options", new TreeMap<>(config.evaluatorOptions()));
        view.put("strategy", config.strategy());
        view.put("strategy_options", new TreeMap<>(config.strategyOptions()));
        view.put("objectives", objectives(config.objectives()));
        view.put("seed", config.seed());
        view.put("scheduler", config.scheduler().orElse(null));
        view.put("scheduler_options", new TreeMap<>(config.schedulerOptions()));
        view.put("constraints", config.constraints().stream().map(Constraint::toString).toList());
        return view;
    }

    /** Writes the objectives as {@code NAME:max} or {@code NAME:min}, the first one primary. */
    public static List<String> objectives(List<Objective> objectives) {
        return objectives.stream().map(Objective::toString).toList();
    }

    /** Lists the trial counts by state name, with the total under {@code total}. */
    public static Map<String, Integer> counts(Map<TrialState, Integer> counts) {
        Map<String, Integer> view = new LinkedHashMap<>();
        counts.forEach((state, count) -> view.put(state.name(), count));
        view.put("total", counts.values().stream().mapToInt(Integer::intValue).sum());
        return view;
    }
}
