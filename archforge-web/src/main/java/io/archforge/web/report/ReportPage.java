package io.archforge.web.report;

import static io.archforge.web.view.Html.escape;

import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.web.analysis.IntermediateCurve;
import io.archforge.web.analysis.OptimizationHistory;
import io.archforge.web.analysis.ParameterImportance;
import io.archforge.web.analysis.StudySnapshot;
import io.archforge.web.view.ImportanceText;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The report's HTML page. It references no file and no address: styles are inline and
 * every chart is a PNG in a {@code data:} URI, so the page can be mailed or archived
 * alone.
 */
final class ReportPage {

    private static final String STYLE = """
            body { font: 14px/1.45 system-ui, "DejaVu Sans", sans-serif; color: #222;
                   margin: 24px auto; max-width: 1100px; padding: 0 16px; }
            h1 { font-size: 22px; margin-bottom: 4px; }
            h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ddd; }
            .meta, .note { color: #607d8b; font-size: 13px; }
            table { border-collapse: collapse; margin: 8px 0; }
            th, td { padding: 3px 9px; border-bottom: 1px solid #eceff1; text-align: left;
                     vertical-align: top; }
            th { background: #eceff1; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .mono { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; }
            .wide { overflow-x: auto; }
            img { display: block; max-width: 100%; margin: 8px 0; border: 1px solid #eee; }
            """;

    private ReportPage() {
    }

    /** Renders the whole page. */
    static String render(StudySnapshot study, String location, Instant written) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Study ").append(escape(study.name()))
                .append(" - Archforge report</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        page.append("<h1>Study ").append(escape(study.name())).append("</h1>\n")
                .append("<p class=\"meta\">Store ").append(escape(location))
                .append(", report written ").append(escape(written.toString())).append(". ")
                .append(escape(ReportTables.countsText(study))).append("</p>\n");

        page.append("<h2 id=\"configuration\">Configuration</h2>\n")
                .append(ReportTables.configuration(study));
        best(page, study);
        history(page, study);
        intermediate(page, study);
        pareto(page, study);
        importance(page, study);
        page.append("<h2 id=\"trials\">All trials</h2>\n")
                .append(ReportTables.trials(study, study.trials()));
        page.append("</body>\n</html>\n");
        return page.toString();
    }

    private static void best(StringBuilder page, StudySnapshot study) {
        if (study.config().isMultiObjective()) {
            List<FrozenTrial> front = study.paretoFront();
            page.append("<h2 id=\"best\">Pareto set</h2>\n<p>").append(front.size())
                    .append(" trials that no other complete trial dominates on ")
                    .append(escape(objectives(study))).append(".</p>\n")
                    .append(front.isEmpty() ? "" : ReportTables.trials(study, front));
            return;
        }
        page.append("<h2 id=\"best\">Best trial</h2>\n");
        Optional<FrozenTrial> best = study.best();
        page.append(best.isEmpty() ? "<p class=\"note\">No complete trial yet.</p>\n"
                : ReportTables.trials(study, List.of(best.get())));
    }

    private static void history(StringBuilder page, StudySnapshot study) {
        page.append("<h2 id=\"history\">Optimisation history</h2>\n");
        if (study.complete().isEmpty()) {
            page.append("<p class=\"note\">No complete trial yet.</p>\n");
            return;
        }
        for (Objective objective : study.objectives()) {
            image(page, "Optimisation history of " + objective, ReportCharts.history(
                    OptimizationHistory.of(study.complete(), objective), objective));
        }
    }

    private static void intermediate(StringBuilder page, StudySnapshot study) {
        page.append("<h2 id=\"intermediate\">Intermediate values</h2>\n");
        List<String> metrics = IntermediateCurve.metrics(study.trials(), study.objectives());
        if (metrics.isEmpty()) {
            page.append("<p class=\"note\">No trial reported intermediate values.</p>\n");
            return;
        }
        for (String metric : metrics) {
            image(page, "Intermediate values of " + metric, ReportCharts.intermediate(
                    IntermediateCurve.of(study.trials(), metric), metric));
        }
    }

    private static void pareto(StringBuilder page, StudySnapshot study) {
        if (!study.config().isMultiObjective()) {
            return;
        }
        page.append("<h2 id=\"pareto\">Pareto front</h2>\n");
        if (study.objectives().size() > 2) {
            page.append("<p class=\"note\">The first two of ").append(study.objectives().size())
                    .append(" objectives.</p>\n");
        }
        image(page, "Pareto front", ReportCharts.pareto(study));
    }

    private static void importance(StringBuilder page, StudySnapshot study) {
        page.append("<h2 id=\"importance\">Parameter importance</h2>\n");
        Objective objective = study.objectives().get(0);
        Optional<SearchSpace> space = study.space();
        Optional<ParameterImportance> importance = space.flatMap(
                s -> ParameterImportance.compute(s, study.complete(), objective));
        if (importance.isEmpty()) {
            String reason = space.isEmpty() ? ImportanceText.unknownSpace(study.config().space())
                    : ImportanceText.tooFewTrials(study.complete().size());
            page.append("<p class=\"note\">").append(escape(reason)).append("</p>\n");
            return;
        }
        image(page, "Parameter importance", ReportCharts.importance(importance.get()));
        page.append(ReportTables.importance(importance.get()))
                .append("<p class=\"note\">").append(escape(ImportanceText.method(objective)))
                .append("</p>\n");
    }

    private static void image(StringBuilder page, String alt, byte[] png) {
        page.append("<img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
    }

    private static String objectives(StudySnapshot study) {
        return String.join(", ", study.objectives().stream().map(Objective::toString).toList());
    }
}
