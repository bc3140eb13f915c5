package io.archforge.web.report;

import static io.archforge.web.view.Html.escape;

import io.archforge.study.FrozenTrial;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import io.archforge.web.analysis.DecisionShare;
import io.archforge.web.analysis.ParameterImportance;
import io.archforge.web.analysis.StudySnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The HTML tables of the report. */
final class ReportTables {

    private ReportTables() {
    }

    /** Says how many trials the study has, and how many in each state that occurs. */
    static String countsText(StudySnapshot study) {
        List<String> parts = new ArrayList<>();
        study.stateCounts().forEach((state, count) -> {
            if (count > 0) {
                parts.add(count + " " + state.name().toLowerCase(Locale.ROOT));
            }
        });
        return study.trials().size() + " trials" + (parts.isEmpty() ? "." : ": "
                + String.join(", ", parts) + ".");
    }

    /** Renders the configuration as rows of name and value, then the study's attributes. */
    static String configuration(StudySnapshot study) {
        StudyConfig config = study.config();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("space", config.space());
        rows.put("evaluator", config.evaluator() + options(config.evaluatorOptions()));
        rows.put("strategy", config.strategy() + options(config.strategyOptions()));
        rows.put("objectives", String.join(" ", config.objectives().stream()
                .map(Object::toString).toList()));
        rows.put("seed", Long.toString(config.seed()));
        rows.put("scheduler", config.scheduler().map(s -> s + options(config.schedulerOptions()))
                .orElse("none"));
        rows.put("constraints", config.constraints().isEmpty() ? "none"
                : String.join(" ", config.constraints().stream().map(Object::toString).toList()));
        new TreeMap<>(study.attributes()).forEach((key, value) -> rows.put(key, value));
        StringBuilder table = new StringBuilder("<table>\n");
        rows.forEach((name, value) -> table.append("<tr><th>").append(escape(name))
                .append("</th><td class=\"mono\">").append(escape(value)).append("</td></tr>\n"));
        return table.append("</table>\n").toString();
    }

    private static String options(Map<String, String> options) {
        if (options.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(options).forEach((key, value) -> pairs.add(key + "=" + value));
        return " (" + String.join(", ", pairs) + ")";
    }

    /** Renders {@code trials} with every metric of the study and the duration. */
    static String trials(StudySnapshot study, List<FrozenTrial> trials) {
        List<String> metrics = study.metricNames();
        StringBuilder table = new StringBuilder("<div class=\"wide\"><table>\n<tr><th>#</th>"
                + "<th>state</th><th>architecture</th>");
        metrics.forEach(m -> table.append("<th>").append(escape(m)).append("</th>"));
        table.append("<th>duration (s)</th><th>error</th></tr>\n");
        for (FrozenTrial trial : trials) {
            table.append("<tr><td class=\"num\">").append(trial.number()).append("</td><td>")
                    .append(trial.state().name()).append("</td><td class=\"mono\">")
                    .append(escape(trial.architecture())).append("</td>");
            for (String metric : metrics) {
                Double value = trial.metrics().get(metric);
                table.append("<td class=\"num\">").append(value == null ? "" : number(value))
                        .append("</td>");
            }
            String duration = StudySnapshot.duration(trial)
                    .map(d -> String.format(Locale.ROOT, "%.2f", seconds(d)))
                    .orElse(trial.state() == TrialState.RUNNING ? "running" : "");
            table.append("<td class=\"num\">").append(duration).append("</td><td>")
                    .append(escape(trial.error().orElse(""))).append("</td></tr>\n");
        }
        return table.append("</table></div>\n").toString();
    }

    /** Renders the importance shares, largest first. */
    static String importance(ParameterImportance importance) {
        StringBuilder table = new StringBuilder(
                "<table>\n<tr><th>decision</th><th>share of variance</th><th>values</th></tr>\n");
        for (DecisionShare share : importance.decisions()) {
            table.append("<tr><td class=\"mono\">").append(escape(share.decision()))
                    .append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.3f", share.share()))
                    .append("</td><td class=\"num\">").append(share.levels())
                    .append("</td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    /** Formats a metric with four significant digits, or as it is when not finite. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
