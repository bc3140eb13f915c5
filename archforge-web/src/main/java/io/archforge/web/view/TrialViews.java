package io.archforge.web.view;

import io.archforge.study.FrozenTrial;
import io.archforge.study.IntermediateValue;
import io.archforge.web.analysis.StudySnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON views of trials. Times are ISO-8601 strings, a running trial's {@code finished}
 * and {@code duration_s} are null, and a metric that is not a finite number is null.
 */
public final class TrialViews {

    private TrialViews() {
    }

    /** Describes every field of a trial, its intermediate values included. */
    public static Map<String, Object> full(FrozenTrial trial) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("number", trial.number());
        view.put("state", trial.state().name());
        view.put("architecture", trial.architecture());
        view.put("seed", trial.seed());
        view.put("metrics", metrics(trial.metrics()));
        view.put("attributes", new TreeMap<>(trial.attributes()));
        view.put("started", trial.started().toString());
        view.put("finished", trial.finished().map(Object::toString).orElse(null));
        view.put("duration_s", StudySnapshot.duration(trial).map(TrialViews::seconds)
                .orElse(null));
        view.put("error", trial.error().orElse(null));
        view.put("intermediate", intermediate(trial.intermediate()));
        return view;
    }

    /** Lists the metrics sorted by name, with non-finite values as null. */
    public static Map<String, Object> metrics(Map<String, Double> metrics) {
        Map<String, Object> view = new TreeMap<>();
        metrics.forEach((name, value) -> view.put(name, finite(value)));
        return view;
    }

    /** Returns {@code value}, or null when it is NaN or infinite, which JSON cannot hold. */
    public static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static List<Map<String, Object>> intermediate(List<IntermediateValue> values) {
        List<Map<String, Object>> view = new ArrayList<>();
        for (IntermediateValue value : values) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("step", value.step());
            point.put("metric", value.metric());
            point.put("value", finite(value.value()));
            view.add(point);
        }
        return view;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
