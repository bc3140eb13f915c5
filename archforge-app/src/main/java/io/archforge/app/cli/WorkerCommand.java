package io.archforge.app.cli;

import io.archforge.app.setup.StorageLocation;
import io.archforge.store.jdbc.JdbcStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge worker}: joins a stored study and evaluates its trials until the
 * study's budget is spent. Everything else comes from the store: the configuration the
 * study was created with and its budget. Any number of workers, on this host or on
 * others sharing a PostgreSQL store, run one study together. Each claims its trials, so
 * no architecture is evaluated twice. A trial whose worker dies is evaluated again by
 * another worker once its heartbeats stop.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {
            "Join a stored study as one more worker and evaluate its trials until its "
                + "budget is spent.",
            "",
            "Start the study once with 'search ... --study NAME --storage URL'; then run "
                + "'worker --storage URL --study NAME' in as many processes as you like, on "
                + "any host that reaches the store.",
            ""},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the study's budget is spent or the time limit ended this worker",
            "1:failure other than bad input, such as an unreachable store",
            "2:bad input, such as an unknown study or a wrong password",
            "130:interrupted by SIGINT after saving",
            "143:stopped by SIGTERM after saving"})
public final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--storage", paramLabel = "URL",
            description = "The study's store: postgresql://... for workers on several hosts, "
                    + "or PATH or sqlite:PATH on one host (default: ~/.archforge/studies.db).")
    String storage;

    @Option(names = "--study", paramLabel = "NAME", required = true,
            description = "The study to join.")
    String study;

    @Option(names = "--trials", paramLabel = "N",
            description = "Finished trials of the study in all (default: the study's stored "
                    + "budget; none when it has only a time limit).")
    Integer trials;

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = "Wall-clock limit of this worker, such as 10m (default: none for "
                    + "the benchmark, 5m for real training, as for search).")
    String timeLimit;

    @Option(names = "--trial-timeout", paramLabel = "DURATION",
            description = "Time limit of each trial, such as 10m, replacing the one stored "
                    + "with the study (default: the stored limit; none when the study has "
                    + "none).")
    String trialTimeout;

    @Override
    public Integer call() {
        execution.validate();
        Optional.ofNullable(timeLimit).ifPresent(Durations::parse);
        TrialTimeouts.parse(trialTimeout);
        StorageLocation location = StorageLocation.parse(storage);
        location.requireUsable();
        if (!location.exists()) {
            throw new UsageException("no study '" + study + "': store " + location + " does not "
                    + "exist; create the study first with 'archforge search ... --study " + study
                    + " --storage " + location + "', then start the workers");
        }
        StudyBudgets.Stored budget;
        try (JdbcStorage store = location.open()) {
            requireStudy(store, location);
            budget = StudyBudgets.load(store.studyAttributes(study));
        }
        CommandLine search = CommandLines.create(new SearchCommand());
        search.setOut(spec.commandLine().getOut());
        search.setErr(spec.commandLine().getErr());
        return search.execute(searchArguments(location, budget).toArray(String[]::new));
    }

    private void requireStudy(JdbcStorage store, StorageLocation location) {
        if (store.loadStudy(study).isPresent()) {
            return;
        }
        List<String> names = store.listStudies().stream()
                .map(summary -> summary.config().name()).toList();
        throw new UsageException("no study '" + study + "' in " + location + " (studies there: "
                + (names.isEmpty() ? "none" : String.join(", ", names)) + "); create it first "
                + "with 'archforge search ... --study " + study + " --storage " + location
                + "', then start the workers");
    }

    /** Returns the {@code search} arguments that resume the study with its stored budget. */
    private List<String> searchArguments(StorageLocation location, StudyBudgets.Stored budget) {
        List<String> args = new ArrayList<>(
                List.of("--storage", location.spec(), "--study", study));
        OptionalInt total = trials != null ? OptionalInt.of(trials) : budget.trials();
        total.ifPresent(count -> args.addAll(List.of("--trials", Integer.toString(count))));
        budget.epochs().ifPresent(epochs -> args.addAll(List.of("--budget-epochs",
                Double.toString(epochs))));
        if (timeLimit != null) {
            args.addAll(List.of("--time-limit", timeLimit));
        }
        if (trialTimeout != null) {
            args.addAll(List.of(TrialTimeouts.OPTION, trialTimeout));
        }
        args.addAll(execution.arguments());
        if (output.json()) {
            args.add("--json");
        }
        return args;
    }
}
