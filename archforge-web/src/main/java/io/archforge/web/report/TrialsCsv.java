package io.archforge.web.report;

import io.archforge.study.FrozenTrial;
import io.archforge.web.view.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes trials as CSV (RFC 4180: comma-separated, fields quoted when needed, CRLF line
 * ends). Columns: number, state, architecture, seed, started, finished, one column per
 * metric, then the attributes as one JSON object. A missing metric or finish time is an
 * empty field; a metric whose name equals a fixed column is headed {@code metric:NAME}.
 */
final class TrialsCsv {

    private static final List<String> FIXED = List.of("number", "state", "architecture", "seed",
            "started", "finished");
    private static final String ATTRIBUTES = "attributes";

    private TrialsCsv() {
    }

    /** Writes a header line and one line per trial, metric columns in {@code metrics} order. */
    static String write(List<FrozenTrial> trials, List<String> metrics) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(FIXED);
        Set<String> fixedNames = Set.copyOf(header);
        for (String metric : metrics) {
            header.add(fixedNames.contains(metric) || metric.equals(ATTRIBUTES)
                    ? "metric:" + metric : metric);
        }
        header.add(ATTRIBUTES);
        line(csv, header);
        for (FrozenTrial trial : trials) {
            List<String> fields = new ArrayList<>();
            fields.add(Integer.toString(trial.number()));
            fields.add(trial.state().name());
            fields.add(trial.architecture());
            fields.add(Long.toString(trial.seed()));
            fields.add(trial.started().toString());
            fields.add(trial.finished().map(Object::toString).orElse(""));
            for (String metric : metrics) {
                Double value = trial.metrics().get(metric);
                fields.add(value == null ? "" : Double.toString(value));
            }
            fields.add(Json.compact(new TreeMap<>(trial.attributes())));
            line(csv, fields);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quotes a field that contains a comma, a quote or a line break, doubling its quotes. */
    static String quote(String field) {
        boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n'
                || c == '\r');
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }
}
