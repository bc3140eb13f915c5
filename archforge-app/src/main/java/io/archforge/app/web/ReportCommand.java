package io.archforge.app.web;

import io.archforge.app.cli.ExitCodes;
import io.archforge.app.cli.UsageException;
import io.archforge.app.cli.Verbosity;
import io.archforge.storage.Storage;
import io.archforge.web.analysis.StudySnapshot;
import io.archforge.web.report.StudyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archforge report STUDY --output DIR}: writes a study's self-contained HTML
 * report with its trials as CSV and JSON, and prints the path of each file.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a study's report into a directory: report.html (self-contained,"
                + " charts embedded), trials.csv and trials.json.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "The study name.")
    String study;

    @Option(names = "--output", paramLabel = "DIR", required = true,
            description = "Directory for the report files, created when missing; files of the"
                    + " same names are replaced.")
    Path output;

    @Option(names = "--storage", paramLabel = "PATH",
            description = "Study store: PATH or sqlite:PATH (SQLite), or postgresql://... "
                    + "(default: ~/.archforge/studies.db).")
    String storage;

    @Option(names = "--verbose", description = "Log at DEBUG and print stack traces with errors.")
    void verbose(boolean on) {
        Verbosity.set(on);
    }

    @Override
    public Integer call() {
        ExistingStore.Opened opened = ExistingStore.open(storage);
        StudySnapshot snapshot;
        try (Storage store = opened.storage()) {
            snapshot = StudySnapshot.read(store, study)
                    .orElseThrow(() -> unknownStudy(store, opened.location().toString()));
        }
        createOutput();
        StudyReport.ReportFiles files;
        try {
            files = StudyReport.write(snapshot, opened.location().toString(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the report into " + output + " failed: "
                    + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(files.html());
        out.println(files.csv());
        out.println(files.json());
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Creates the output directory before any file is written.
     *
     * @throws UsageException when it is a file or cannot be created
     */
    private void createOutput() {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new UsageException("--output " + output + " is a file: pass a directory, "
                    + "such as report-" + study);
        }
        List<String> foreign = foreignFiles();
        if (!foreign.isEmpty()) {
            throw new UsageException("--output " + output + " contains other files than an earlier "
                    + "report (" + String.join(", ", foreign) + "): pass a new or empty "
                    + "directory, such as report-" + study);
        }
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UsageException("cannot create --output directory " + output + " ("
                    + e.getMessage() + "): pass a writable directory", e);
        }
    }

    /**
     * Returns the names of the files in the output directory that a report does not
     * write, so that a report replaces only an earlier report's files.
     */
    private List<String> foreignFiles() {
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        Set<String> own = Set.of(StudyReport.HTML, StudyReport.CSV, StudyReport.JSON);
        try (Stream<Path> entries = Files.list(output)) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> !own.contains(name)).sorted().limit(5).toList();
        } catch (IOException e) {
            throw new UsageException("cannot read --output directory " + output + " ("
                    + e.getMessage() + "): pass a readable directory", e);
        }
    }

    /** Creates the error for a study the store lacks, naming the studies it contains. */
    private UsageException unknownStudy(Storage store, String location) {
        List<String> names = store.listStudies().stream()
                .map(summary -> summary.config().name()).toList();
        String stored = names.isEmpty() ? "the store holds no studies"
                : "stored studies: " + String.join(", ", names);
        return new UsageException("study '" + study + "' not found in " + location + "; "
                + stored);
    }
}
