package io.archforge.app.cli;

import io.archforge.app.output.Json;
import io.archforge.app.output.StudyReport;
import io.archforge.study.FrozenTrial;
import io.archforge.study.StudyConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archforge study best NAME}: the best trial, or the Pareto set with two or more
 * objectives.
 */
@Command(name = "best", mixinStandardHelpOptions = true,
        description = "Print a study's best architecture, or its Pareto set with two or more "
                + "objectives.")
final class StudyBestCommand implements Callable<Integer> {

    /** The trial attribute in which the training evaluator records its data source. */
    static final String DATA_SOURCE = "data_source";

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
        Optional<String> dataSource = trials.stream()
                .map(t -> t.attributes().get(DATA_SOURCE))
                .filter(s -> s != null)
                .findFirst();
        StudyReport report = new StudyReport(config, trials, location, dataSource);
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.json() ? Json.write(report.toJson()) + "\n" : report.toText());
        out.flush();
        return ExitCodes.OK;
    }
}
