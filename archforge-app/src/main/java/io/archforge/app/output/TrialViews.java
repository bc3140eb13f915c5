package io.archforge.app.output;

import io.archforge.study.FrozenTrial;
import io.archforge.study.IntermediateValue;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Turns trials and study configurations into the maps printed as JSON. */
public final class TrialViews {

    private TrialViews() {
    }

    /** Returns the short form: {@code trial}, {@code architecture} and {@code metrics}. */
    public static Map<String, Object> brief(FrozenTrial trial) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("trial", trial.number());
        view.put("architecture", trial.architecture());
        view.put("metrics", new TreeMap<>(trial.metrics()));
        return view;
    }

    /**
     * Returns the full form: the short form plus state, seed, attributes, times, error and
     * intermediate
     * values.
     */
    public static Map<String, Object> full(FrozenTrial trial) {
        Map<String, Object> view = brief(trial);
        view.put("state", trial.state().name());
        view.put("seed", trial.seed());
        view.put("attributes", new TreeMap<>(trial.attributes()));
        view.put("started", trial.started().toString());
        view.put("finished", trial.finished().map(Object::toString).orElse(null));
        view.put("error", trial.error().orElse(null));
        List<Map<String, Object>> intermediate = new ArrayList<>();
        for (IntermediateValue value : trial.intermediate()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("step", value.step());
            point.put("metric", value.metric());
            point.put("value", value.value());
            intermediate.add(point);
        }
        view.put("intermediate", intermediate);
        return view;
    }

    /** Returns the stored configuration of a study. */
    public static Map<String, Object> config(StudyConfig config) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("space", config.space());
        view.put("evaluator", config.evaluator());
        view.put("evaluator_options", new TreeMap<>(config.evaluatorOptions()));
        view.put("strategy", config.strategy());
        view.put("strategy_options", new TreeMap<>(config.strategyOptions()));
        view.put("objectives", objectives(config.objectives()));
        if (!config.constraints().isEmpty()) {
            view.put("constraints", config.constraints().stream().map(Object::toString).toList());
        }
        view.put("seed", config.seed());
        return view;
    }

    /** Returns the objectives in their {@code NAME:max} form. */
    public static List<String> objectives(List<Objective> objectives) {
        return objectives.stream().map(Objective::toString).toList();
    }

    /** Formats a metric value for tables, with four, three or two decimals as it grows. */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        String pattern = "%.4f";
        if (magnitude >= 100) {
            pattern = "%.2f";
        } else if (magnitude >= 1) {
            pattern = "%.3f";
        }
        return String.format(Locale.ROOT, pattern, value);
    }
}
