package io.archforge.app.cli;

import io.archforge.app.output.Json;
import io.archforge.app.refine.RefinementAttributes;
import io.archforge.app.transfer.TransferSummary;
import io.archforge.app.output.StudyReport;
import io.archforge.app.output.TextTable;
import io.archforge.app.output.TrialViews;
import io.archforge.app.provenance.ProvenanceBlocks;
import io.archforge.predictor.prune.PruneDecision;
import io.archforge.study.FrozenTrial;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archforge study show NAME}: the stored configuration and every trial. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a study's configuration and every trial.")
final class StudyShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    StudyStore store;

    @Parameters(index = "0", paramLabel = "NAME", description = "The study name.")
    String name;

    @Override
    public Integer call() {
        StudyStore.StoredStudy study = store.read(name);
        String location = store.location().toString();
        StudyConfig config = study.config();
        List<FrozenTrial> trials = study.trials();
        PrintWriter out = spec.commandLine().getOut();
        int completed = (int) trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("study", config.name());
            json.put("storage", location);
            json.putAll(TrialViews.config(config));
            json.put("completed_trials", completed);
            json.put("total_trials", trials.size());
            json.put("skipped_trials", StudyReport.skippedTrials(trials));
            TransferSummary.of(study.attributes()).ifPresent(t -> json.put("transfer", t.toJson()));
            refinedFrom(study).ifPresent(source -> json.put("refined_from", source));
            json.put("provenance", ProvenanceBlocks.of(trials).toJson());
            json.put("trials", trials.stream().map(TrialViews::full).toList());
            out.println(Json.write(json));
        } else {
            out.println("Study '" + config.name() + "' in " + location + ": " + completed
                    + " completed of " + trials.size() + " trials");
            out.print(StudyReport.pruningLine(trials));
            out.println("Configuration: " + TrialViews.config(config));
            TransferSummary.of(study.attributes()).ifPresent(t -> out.print(t.toText()));
            refinedFrom(study).ifPresent(source -> out.println("Searches the space refined "
                    + "from study '" + source + "'"));
            out.print(ProvenanceBlocks.of(trials).toText());
            out.print(table(trials));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Returns the study whose refined space this study searches, if any. */
    private static Optional<String> refinedFrom(StudyStore.StoredStudy study) {
        return Optional.ofNullable(study.attributes().get(RefinementAttributes.REFINED_FROM))
                .filter(source -> !source.isBlank());
    }

    /** Returns the pruner's reason for a SKIPPED trial, or an empty string for other trials. */
    private static String skipNote(FrozenTrial trial) {
        if (trial.state() != TrialState.SKIPPED) {
            return "";
        }
        Map<String, String> notes = trial.attributes();
        return "improvement probability "
                + rounded(notes.get(PruneDecision.IMPROVEMENT_PROBABILITY)) + " < risk "
                + rounded(notes.get(PruneDecision.PRUNE_RISK));
    }

    /** Formats a stored number as the tables do, or returns the text when it is not a number. */
    private static String rounded(String value) {
        if (value == null) {
            return "?";
        }
        try {
            return TrialViews.number(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String table(List<FrozenTrial> trials) {
        TextTable table = new TextTable(List.of("#trial", "state", "architecture", "metrics",
                "notes"));
        for (FrozenTrial trial : trials) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(trial.number()));
            row.add(trial.state().name());
            row.add(trial.architecture());
            List<String> metrics = new ArrayList<>();
            new TreeMap<>(trial.metrics())
                    .forEach((name, value) -> metrics.add(name + "=" + TrialViews.number(value)));
            row.add(String.join(" ", metrics));
            String retry = trial.attributes().containsKey("retry_of")
                    ? "retry of " + trial.attributes().get("retry_of") : "";
            row.add(trial.error().map(e -> "error: " + e).orElse(retry) + skipNote(trial));
            table.add(row);
        }
        return table.render();
    }
}
