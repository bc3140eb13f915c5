package io.archforge.app.bench;

import io.archforge.benchmarks.predictors.PredictorRun;
import io.archforge.benchmarks.predictors.PredictorSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The files {@code bench predictors --output} writes. */
final class PredictorBenchFiles {

    private PredictorBenchFiles() {
    }

    /** Writes one CSV row per run. */
    static void writeRuns(List<PredictorRun> runs, Path csv) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.println("benchmark,dataset,target,predictor,encoding,train_size,test_size,seed,"
                    + "kendall_tau,spearman_rho,top10_precision,coverage_68,coverage_95,"
                    + "fit_seconds,query_seconds");
            for (PredictorRun r : runs) {
                out.println(String.join(",", r.benchmark(), r.dataset(), r.target(),
                        r.predictor(), r.encoding(), Integer.toString(r.trainSize()),
                        Integer.toString(r.testSize()), Long.toString(r.seed()),
                        number(r.kendallTau()), number(r.spearmanRho()),
                        number(r.top10Precision()), number(r.coverage68()),
                        number(r.coverage95()), number(r.fitSeconds()),
                        number(r.querySeconds())));
            }
        }
    }

    /** Writes one CSV row per predictor, size and table, with the means over seeds. */
    static void writeSummaryCsv(List<PredictorSummary> summaries, Path csv) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.println("benchmark,dataset,predictor,encoding,train_size,seeds,kendall_tau,"
                    + "kendall_tau_std_error,spearman_rho,top10_precision,coverage_68,"
                    + "coverage_95,fit_seconds,query_seconds");
            for (PredictorSummary s : summaries) {
                out.println(String.join(",", s.benchmark(), s.dataset(), s.predictor(),
                        s.encoding(), Integer.toString(s.trainSize()), Integer.toString(s.seeds()),
                        number(s.kendallTau()), number(s.kendallTauStdError()),
                        number(s.spearmanRho()), number(s.top10Precision()),
                        number(s.coverage68()), number(s.coverage95()), number(s.fitSeconds()),
                        number(s.querySeconds())));
            }
        }
    }

    /** Writes the Markdown summary: one table per benchmark table, then the command. */
    static void writeMarkdown(List<PredictorSummary> summaries, String command, int threads,
            Path markdown) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(markdown, StandardCharsets.UTF_8))) {
            out.println("# Predictor benchmark");
            out.println();
            out.println("Command: `" + command + "` (" + threads
                    + (threads == 1 ? " run" : " runs") + " at a time; "
                    + Runtime.getRuntime().availableProcessors() + " cores).");
            String table = "";
            for (PredictorSummary s : summaries) {
                String key = s.benchmark() + " " + s.dataset();
                if (!key.equals(table)) {
                    table = key;
                    out.println();
                    out.println("## " + key);
                    out.println();
                    out.println("| predictor | encoding | train | seeds | Kendall tau | Spearman rho "
                            + "| top-10% precision | coverage 68% | coverage 95% | fit s | query ms, whole set |");
                    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                }
                out.println(String.format(Locale.ROOT,
                        "| %s | %s | %d | %d | %.3f +- %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f |",
                        s.predictor(), s.encoding(), s.trainSize(), s.seeds(), s.kendallTau(),
                        s.kendallTauStdError(), s.spearmanRho(), s.top10Precision(),
                        s.coverage68(), s.coverage95(), s.fitSeconds(),
                        1000 * s.querySeconds()));
            }
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
