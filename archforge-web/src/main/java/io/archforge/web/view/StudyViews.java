package io.archforge.web.view;

import io.archforge.space.SearchSpace;
import io.archforge.storage.Storage;
import io.archforge.storage.StudySummary;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.web.analysis.HistoryPoint;
import io.archforge.web.analysis.IntermediateCurve;
import io.archforge.web.analysis.OptimizationHistory;
import io.archforge.web.analysis.ParameterImportance;
import io.archforge.web.analysis.StudySnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** JSON views of the studies of a store and of one study's analyses. */
public final class StudyViews {

    private StudyViews() {
    }

    /**
     * Lists the studies of {@code storage} by name, each with its trial counts by state,
     * which takes reading every study's trials.
     */
    public static Map<String, Object> studies(Storage storage) {
        List<Map<String, Object>> studies = new ArrayList<>();
        for (StudySummary summary : storage.listStudies()) {
            String name = summary.config().name();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", name);
            view.put("space", summary.config().space());
            view.put("evaluator", summary.config().evaluator());
            view.put("dataset", summary.config().evaluatorOptions().get("dataset"));
            view.put("strategy", summary.config().strategy());
            view.put("objectives", ConfigViews.objectives(summary.config().objectives()));
            view.put("created", summary.created().toString());
            view.put("counts", ConfigViews.counts(storage.stateCounts(name)));
            studies.add(view);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("storage", storage.location());
        view.put("studies", studies);
        return view;
    }

    /**
     * Collects the analyses of one study: configuration, counts, best trial, Pareto set, the
     * optimisation history of each objective, intermediate values and parameter
     * importance. Trials appear by number; {@link TrialViews} gives their fields.
     */
    public static Map<String, Object> study(StudySnapshot study) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("config", ConfigViews.config(study.config()));
        view.put("attributes", new TreeMap<>(study.attributes()));
        view.put("counts", ConfigViews.counts(study.stateCounts()));
        view.put("metrics", study.metricNames());
        view.put("complete_trials", study.complete().size());
        view.put("best", study.best().map(FrozenTrial::number).orElse(null));
        view.put("pareto", study.paretoFront().stream().map(FrozenTrial::number).toList());
        view.put("history", history(study));
        view.put("intermediate", intermediate(study));
        view.put("importance", importance(study));
        view.put("drawable", study.space().isPresent());
        return view;
    }

    private static Map<String, Object> history(StudySnapshot study) {
        Map<String, Object> view = new LinkedHashMap<>();
        List<FrozenTrial> complete = study.complete();
        for (Objective objective : study.objectives()) {
            List<Map<String, Object>> points = new ArrayList<>();
            for (HistoryPoint point : OptimizationHistory.of(complete, objective)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("trial", point.trial());
                entry.put("value", point.value());
                entry.put("best", point.best());
                points.add(entry);
            }
            view.put(objective.metric(), points);
        }
        return view;
    }

    private static Map<String, Object> intermediate(StudySnapshot study) {
        Map<String, Object> curves = new LinkedHashMap<>();
        List<String> metrics = IntermediateCurve.metrics(study.trials(), study.objectives());
        for (String metric : metrics) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (IntermediateCurve curve : IntermediateCurve.of(study.trials(), metric)) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("trial", curve.trial());
                line.put("state", curve.state().name());
                line.put("points", curve.points().stream()
                        .map(p -> List.of(p.step(), p.value())).toList());
                lines.add(line);
            }
            curves.put(metric, lines);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("metrics", metrics);
        view.put("curves", curves);
        return view;
    }

    /**
     * Computes the importance of each decision for the first objective, or returns
     * {@code available: false} with the reason.
     */
    private static Map<String, Object> importance(StudySnapshot study) {
        Map<String, Object> view = new LinkedHashMap<>();
        Objective objective = study.objectives().get(0);
        view.put("objective", objective.toString());
        view.put("min_trials", ParameterImportance.MIN_TRIALS);
        view.put("method", ImportanceText.method(objective));
        Optional<SearchSpace> space = study.space();
        Optional<ParameterImportance> importance = space.flatMap(
                s -> ParameterImportance.compute(s, study.complete(), objective));
        view.put("available", importance.isPresent());
        if (importance.isEmpty()) {
            view.put("reason", space.isEmpty()
                    ? ImportanceText.unknownSpace(study.config().space())
                    : ImportanceText.tooFewTrials(study.complete().size()));
            return view;
        }
        view.put("trials", importance.get().trials());
        view.put("decisions", importance.get().decisions().stream().map(d -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("decision", d.decision());
            entry.put("share", d.share());
            entry.put("levels", d.levels());
            return entry;
        }).toList());
        return view;
    }
}
