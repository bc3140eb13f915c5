package io.archforge.app.cli;

import io.archforge.app.bench.BenchCommand;
import io.archforge.app.online.OnlineCommand;
import io.archforge.app.provenance.ArchforgeVersion;
import io.archforge.app.refine.RefineCommand;
import io.archforge.app.web.DashboardCommand;
import io.archforge.app.web.ReportCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code archforge} command. */
@Command(name = "archforge", mixinStandardHelpOptions = true,
        versionProvider = ArchforgeCommand.Version.class,
        description = "Neural architecture search on the JVM: search spaces, strategies, "
                + "stored and resumable studies, NAS-Bench-201 look-ups and real training "
                + "with DJL.",
        subcommands = {SearchCommand.class, WorkerCommand.class, StudyCommand.class,
            RefineCommand.class, EvaluateCommand.class, ProxyCommand.class, MeasureCommand.class, BenchCommand.class,
            DashboardCommand.class, ReportCommand.class, ExportCommand.class, OnlineCommand.class})
public final class ArchforgeCommand implements Runnable {

    /** The version that {@code --version} prints: the one stored with every trial. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"archforge " + ArchforgeVersion.current()};
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: use search, worker, study, refine, evaluate, measure, proxy, bench, "
                + "dashboard, report, export or online");
    }
}
