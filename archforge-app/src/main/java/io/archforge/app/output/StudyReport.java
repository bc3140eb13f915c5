package io.archforge.app.output;

import io.archforge.study.Constraints;
import io.archforge.study.FrontQuality;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The result of a study: the best trial, and the Pareto set when there are two or
 * more objectives, as a text table and as the JSON object of {@code search} and
 * {@code study best}.
 *
 * @param config the study's stored configuration
 * @param trials every trial of the study
 * @param storage where the study lives
 * @param dataSource the data a real-training study ran on, or empty for a benchmark
 */
public record StudyReport(StudyConfig config, List<FrozenTrial> trials, String storage,
        Optional<String> dataSource) {

    private static final String NB201 = "nb201";
    private static final String PROTOCOL = "protocol";
    private static final String VALID12 = "valid12";
    private static final String TEST_ACCURACY = "test_accuracy";

    /** Rows of the single-objective table. */
    private static final int TOP = 10;

    public StudyReport {
        trials = List.copyOf(trials);
    }

    /** Counts the trials in state COMPLETE. */
    public int completedTrials() {
        return (int) trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
    }

    /** Counts the candidates learned pruning skipped. */
    public int skippedTrials() {
        return skippedTrials(trials);
    }

    /** Counts the trials of {@code trials} in state SKIPPED. */
    public static int skippedTrials(List<FrozenTrial> trials) {
        return (int) trials.stream().filter(t -> t.state() == TrialState.SKIPPED).count();
    }

    /**
     * Counts the SKIPPED trials whose candidate no later trial evaluated: the evaluations
     * pruning saved. A trial that evaluates a skipped candidate names it in
     * {@value Study#SKIPPED_AS_ATTRIBUTE}.
     */
    public static int savedEvaluations(List<FrozenTrial> trials) {
        Set<String> evaluatedLater = new HashSet<>();
        for (FrozenTrial trial : trials) {
            String skippedAs = trial.attributes().get(Study.SKIPPED_AS_ATTRIBUTE);
            if (skippedAs != null) {
                evaluatedLater.add(skippedAs);
            }
        }
        return (int) trials.stream()
                .filter(t -> t.state() == TrialState.SKIPPED)
                .filter(t -> !evaluatedLater.contains(Integer.toString(t.number())))
                .count();
    }

    /**
     * Returns the line that reports learned pruning, such as "Learned pruning skipped 12
     * candidates (11 evaluations saved)", or an empty string when nothing was skipped. A
     * skipped candidate evaluated later saved nothing.
     */
    public static String pruningLine(List<FrozenTrial> trials) {
        int skipped = skippedTrials(trials);
        if (skipped == 0) {
            return "";
        }
        int saved = savedEvaluations(trials);
        return "Learned pruning skipped " + skipped + (skipped == 1 ? " candidate" : " candidates")
                + " (" + saved + (saved == 1 ? " evaluation" : " evaluations") + " saved)\n";
    }

    /**
     * Returns the feasible complete trial best on the first objective, or the
     * least-violating one when none is feasible.
     */
    public Optional<FrozenTrial> best() {
        return Study.bestOf(trials, config.objectives(), config.constraints());
    }

    /**
     * Returns the non-dominated complete trials under constrained dominance, best first
     * on the first objective: the feasible Pareto set, or the least-violating trials.
     */
    public List<FrozenTrial> pareto() {
        return Study.paretoFrontOf(trials, config.objectives(), config.constraints());
    }

    /** Returns whether some complete trial meets every constraint. */
    public boolean anyFeasible() {
        return trials.stream().anyMatch(t -> t.hasValues(config.objectives())
                && Constraints.isFeasible(t, config.constraints()));
    }

    /** Returns the short JSON form of {@code trial}, with its feasibility when there are constraints. */
    public Map<String, Object> view(FrozenTrial trial) {
        Map<String, Object> view = TrialViews.brief(trial);
        if (!config.constraints().isEmpty()) {
            double violation = Constraints.violation(trial, config.constraints());
            view.put("feasible", violation == 0);
            view.put("violation", Double.isFinite(violation) ? violation : null);
        }
        return view;
    }

    /**
     * Returns the trials the table shows: the Pareto set, or the top ten on the single
     * objective.
     */
    public List<FrozenTrial> shown() {
        if (config.isMultiObjective()) {
            return pareto();
        }
        Objective objective = config.objectives().get(0);
        return trials.stream()
                .filter(t -> t.hasValues(config.objectives()) && Study.isFullFidelity(t))
                .sorted(Comparator.comparingDouble(
                        (FrozenTrial t) -> Constraints.violation(t, config.constraints()))
                        .thenComparing((a, b) -> Double.compare(
                        objective.direction().toMinimized(a.metrics().get(objective.metric())),
                        objective.direction().toMinimized(b.metrics().get(objective.metric())))))
                .limit(TOP)
                .toList();
    }

    /**
     * Builds the JSON object: study, storage, trial counts, best, pareto (multi-objective), data
     * source.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("study", config.name());
        json.put("storage", storage);
        json.put("objectives", TrialViews.objectives(config.objectives()));
        json.put("completed_trials", completedTrials());
        json.put("total_trials", trials.size());
        json.put("skipped_trials", skippedTrials());
        json.put("best", best().map(this::view).orElse(null));
        if (config.isMultiObjective()) {
            json.put("pareto", pareto().stream().map(this::view).toList());
            FrontQuality.of(trials, config.objectives(), config.constraints()).ifPresent(q -> {
                json.put("hypervolume", q.hypervolume());
                json.put("hypervolume_reference", q.reference());
            });
        }
        if (!config.constraints().isEmpty()) {
            json.put("constraints", config.constraints().stream().map(Object::toString).toList());
            json.put("feasible", anyFeasible());
        }
        dataSource.ifPresent(source -> json.put("data_source", source));
        protocol().ifPresent(protocol -> json.put("protocol", protocol));
        config.scheduler().ifPresent(name -> {
            json.put("scheduler", name);
            json.put("scheduler_options", new java.util.TreeMap<>(config.schedulerOptions()));
        });
        return json;
    }

    /** Renders the text form: a heading, the data source, and the table. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("Study '").append(config.name()).append("' in ").append(storage).append(": ")
                .append(completedTrials()).append(" completed of ").append(trials.size())
                .append(" trials\n");
        text.append(pruningLine(trials));
        dataSource.ifPresent(source -> text.append("Data source: ").append(source).append('\n'));
        text.append(protocolLine());
        config.scheduler().ifPresent(name -> text.append("Scheduler: ").append(name)
                .append(config.schedulerOptions().isEmpty() ? "" : " " + new java.util.TreeMap<>(config.schedulerOptions()))
                .append('\n'));
        List<FrozenTrial> shown = shown();
        if (shown.isEmpty()) {
            return text.append("No completed trial yet.\n").toString();
        }
        text.append(constraintLine());
        if (config.isMultiObjective()) {
            FrontQuality.of(trials, config.objectives(), config.constraints()).ifPresent(q ->
                    text.append("Hypervolume: ").append(TrialViews.number(q.hypervolume()))
                            .append(" (reference point ").append(q.reference()).append(")\n"));
        }
        text.append(config.isMultiObjective()
                ? "Pareto set ("
                + String.join(", ", TrialViews.objectives(config.objectives())) + "):\n"
                : "Top architectures by " + config.objectives().get(0) + ":\n");
        return text.append(table(shown)).toString();
    }

    /** Returns a line naming the constraints and whether any trial meets them, or nothing. */
    private String constraintLine() {
        if (config.constraints().isEmpty()) {
            return "";
        }
        String listed = String.join(", ", config.constraints().stream().map(Object::toString).toList());
        return anyFeasible() ? "Constraints: " + listed + "\n"
                : "Constraints: " + listed + "; no trial meets them, so the least-violating "
                        + "trials are shown\n";
    }

    /** The NAS-Bench-201 search protocol of the study, or empty for real training. */
    public Optional<String> protocol() {
        if (!config.evaluator().equals(NB201)) {
            return Optional.empty();
        }
        return Optional.of(config.evaluatorOptions().getOrDefault(PROTOCOL, "test"));
    }

    /**
     * Under protocol valid12, a line naming the chosen cell's 200-epoch test accuracy,
     * which the search never saw; otherwise nothing.
     */
    private String protocolLine() {
        if (!protocol().orElse("").equals(VALID12)) {
            return "";
        }
        String search = "Protocol valid12: searched on "
                + String.join(", ", TrialViews.objectives(config.objectives()));
        return best().map(trial -> search + "; the chosen trial " + trial.number()
                        + " has 200-epoch " + TEST_ACCURACY + " " + Optional.ofNullable(
                                trial.metrics().get(TEST_ACCURACY))
                        .map(TrialViews::number).orElse("-") + "\n")
                .orElse(search + "\n");
    }

    private String table(List<FrozenTrial> shown) {
        List<String> metrics = metricColumns(shown);
        List<String> headers = new ArrayList<>(List.of("#rank", "#trial", "architecture"));
        metrics.forEach(m -> headers.add("#" + m));
        TextTable table = new TextTable(headers);
        int rank = 1;
        for (FrozenTrial trial : shown) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(rank++));
            row.add(Integer.toString(trial.number()));
            row.add(trial.architecture());
            for (String metric : metrics) {
                Double value = trial.metrics().get(metric);
                row.add(value == null ? "-" : TrialViews.number(value));
            }
            table.add(row);
        }
        return table.render();
    }

    /** Objective metrics first, in objective order, then the others by name. */
    private List<String> metricColumns(List<FrozenTrial> shown) {
        Set<String> columns = new LinkedHashSet<>();
        config.objectives().forEach(o -> columns.add(o.metric()));
        Set<String> others = new TreeSet<>();
        shown.forEach(t -> others.addAll(t.metrics().keySet()));
        columns.addAll(others);
        return List.copyOf(columns);
    }
}
