package io.archforge.app.cli;

import io.archforge.app.output.Json;
import io.archforge.app.output.TextTable;
import io.archforge.app.output.TrialViews;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.StorageLocation;
import io.archforge.storage.Storage;
import io.archforge.storage.StudySummary;
import io.archforge.study.StudyConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code archforge study list}: one line per stored study. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the stored studies.")
final class StudyListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    StudyStore store;

    @Override
    public Integer call() {
        StorageLocation location = store.location();
        List<StudySummary> summaries = List.of();
        if (location.exists()) {
            try (Storage storage = location.open()) {
                summaries = storage.listStudies();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("storage", location.toString());
            json.put("studies", summaries.stream().map(StudyListCommand::view).toList());
            out.println(Json.write(json));
        } else if (summaries.isEmpty()) {
            out.println("No studies in " + location);
        } else {
            out.print(table(summaries));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> view(StudySummary summary) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("study", summary.config().name());
        view.putAll(TrialViews.config(summary.config()));
        view.put("created", summary.created().toString());
        view.put("completed_trials", summary.completedTrials());
        view.put("total_trials", summary.totalTrials());
        return view;
    }

    private static String table(List<StudySummary> summaries) {
        TextTable table = new TextTable(List.of("study", "space", "dataset", "strategy",
                "objectives", "#completed", "#trials", "created"));
        for (StudySummary summary : summaries) {
            List<String> row = new ArrayList<>();
            row.add(summary.config().name());
            row.add(summary.config().space());
            row.add(dataset(summary.config()));
            row.add(summary.config().strategy());
            row.add(String.join(" ", TrialViews.objectives(summary.config().objectives())));
            row.add(Integer.toString(summary.completedTrials()));
            row.add(Integer.toString(summary.totalTrials()));
            row.add(summary.created().toString());
            table.add(row);
        }
        return table.render();
    }

    /**
     * Returns the data set as {@code --dataset} names it, with the benchmark in brackets
     * for table look-ups: {@code cifar10 (nb201)}, {@code fashion-mnist}, {@code idx:DIR}.
     */
    static String dataset(StudyConfig config) {
        Map<String, String> options = config.evaluatorOptions();
        String dataset = options.getOrDefault("dataset", "");
        if (config.evaluator().equals(DatasetSpec.TRAIN)) {
            return dataset.equals(DatasetSpec.IDX)
                    ? DatasetSpec.IDX + ":" + options.getOrDefault("data", "")
                    : dataset;
        }
        return dataset + " (" + config.evaluator() + ")";
    }
}
