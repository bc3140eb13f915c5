package io.archforge.web.report;

import io.archforge.web.analysis.StudySnapshot;
import io.archforge.web.view.ConfigViews;
import io.archforge.web.view.Json;
import io.archforge.web.view.TrialViews;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the report of one study into a directory:
 * <ul>
 *   <li>{@value #HTML}: one self-contained page (charts embedded as base64 PNG, styles
 *       inline) with the configuration, the best trial or Pareto set, the optimisation
 *       history, intermediate values, the Pareto front, parameter importance and every
 *       trial;</li>
 *   <li>{@value #CSV}: one row per trial, see {@link TrialsCsv};</li>
 *   <li>{@value #JSON}: the configuration and every trial with its metrics, attributes
 *       and intermediate values.</li>
 * </ul>
 * Files of these names are replaced.
 */
public final class StudyReport {

    /** The name of the HTML page. */
    public static final String HTML = "report.html";

    /** The name of the CSV table of trials. */
    public static final String CSV = "trials.csv";

    /** The name of the JSON file. */
    public static final String JSON = "trials.json";

    private static final Logger LOG = LoggerFactory.getLogger(StudyReport.class);

    /**
     * The files written.
     *
     * @param html the HTML page
     * @param csv the CSV table of trials
     * @param json the JSON file of the configuration and trials
     */
    public record ReportFiles(Path html, Path csv, Path json) {
    }

    private StudyReport() {
    }

    /**
     * Writes the report of {@code study}, read from the store at {@code location}, into
     * {@code directory}, creating it when missing.
     *
     * @throws IOException when the directory or a file cannot be written
     */
    public static ReportFiles write(StudySnapshot study, String location, Path directory)
            throws IOException {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(location, "location");
        // XChart draws with AWT, which needs no display in headless mode.
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(directory);
        Instant written = Instant.now();

        Path html = replace(directory.resolve(HTML), ReportPage.render(study, location, written));
        Path csv = replace(directory.resolve(CSV),
                TrialsCsv.write(study.trials(), study.metricNames()));
        Path json = replace(directory.resolve(JSON),
                Json.pretty(jsonView(study, location, written)));
        LOG.info("Report of study '{}' ({} trials) written to {}", study.name(),
                study.trials().size(), directory);
        return new ReportFiles(html, csv, json);
    }

    /**
     * Writes {@code content} to a new file beside {@code target} and moves it onto
     * {@code target}. The move replaces a symbolic link at {@code target} rather than the
     * file it points to, so a link planted in a shared folder redirects no write.
     */
    private static Path replace(Path target, String content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".report-", ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    private static Map<String, Object> jsonView(StudySnapshot study, String location,
            Instant written) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("study", study.name());
        view.put("storage", location);
        view.put("written", written.toString());
        view.put("config", ConfigViews.config(study.config()));
        view.put("attributes", new TreeMap<>(study.attributes()));
        view.put("counts", ConfigViews.counts(study.stateCounts()));
        view.put("trials", study.trials().stream().map(TrialViews::full).toList());
        return view;
    }
}
