package io.archforge.app.cli;

import io.archforge.app.output.Json;
import io.archforge.app.output.StudyReport;
import io.archforge.app.setup.StorageLocation;
import io.archforge.storage.Storage;
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
        StorageLocation location = store.location();
        if (!location.exists()) {
            throw StudyStore.notFound(name, location.toString());
        }
        StudyConfig config;
        List<FrozenTrial> trials;
        try (Storage storage = location.open()) {
            config = StudyStore.require(storage, name);
            trials = storage.trials(name);
        }
        Optional<String> dataSource = trials.stream()
                .map(t -> t.attributes().get(DATA_SOURCE))
                .filter(s -> s != null)
                .findFirst();
        StudyReport report = new StudyReport(config, trials, location.toString(), dataSource);
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.json() ? Json.write(report.toJson()) + "\n" : report.toText());
        out.flush();
        return ExitCodes.OK;
    }
}
