package io.archforge.app.cli;

import io.archforge.app.output.Json;
import io.archforge.app.output.StudyReport;
import io.archforge.app.report.FrontPlot;
import io.archforge.study.FrozenTrial;
import io.archforge.study.StudyConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archforge study best NAME}: the best trial, or the Pareto set with two or more
 * objectives, and with {@code --weight} or {@code --budget} the one trial of the set that
 * preference picks.
 */
@Command(name = "best", mixinStandardHelpOptions = true,
        description = "Print a study's best architecture, or its Pareto set with two or more "
                + "objectives.")
final class StudyBestCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(StudyBestCommand.class);

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

    @Option(names = "--weight", paramLabel = "METRIC=WEIGHT",
            description = "Pick one trial of the Pareto set by preference, repeatable, such as "
                    + "--weight accuracy=0.7 --weight latency_ms=0.3: the trial nearest the "
                    + "weighted ideal point (weighted Chebyshev distance, objectives scaled "
                    + "over the set).")
    List<String> weights;

    @Option(names = "--budget", paramLabel = "METRIC<=BOUND[@DEVICE]",
            description = "Pick the Pareto trial best on the first objective within this "
                    + "budget, repeatable, such as latency_ms<=5 or params<=0.5; the "
                    + "least-violating one when no trial fits.")
    List<String> budgets;

    @Option(names = "--plot", paramLabel = "PNG",
            description = "Also write a PNG of the trials on the first two objectives with "
                    + "the Pareto set and any constraint bounds on them.")
    Path plot;

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
        if (plot != null) {
            writePlot(config, trials);
        }
        Optional<FrontPick> pick = FrontPick.parse(weights, budgets);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> json = report.toJson();
            pick.ifPresent(p -> json.put("choice", p.choose(report).map(trial -> {
                Map<String, Object> view = report.view(trial);
                if (p instanceof FrontPick.Budgets budgets) {
                    view.put("within_budget", budgets.fits(trial));
                }
                return view;
            }).orElse(null)));
            out.print(Json.write(json) + "\n");
        } else {
            out.print(report.toText());
            pick.ifPresent(p -> out.print(p.describe(report)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void writePlot(StudyConfig config, List<FrozenTrial> trials) {
        if (!config.isMultiObjective()) {
            throw new UsageException("--plot draws the Pareto set of two objectives; study '"
                    + config.name() + "' has one, " + config.objectives().get(0)
                    + "; drop --plot");
        }
        String name = plot.getFileName() == null ? "" : plot.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".png") || name.length() <= 4
                || Files.isDirectory(plot)) {
            throw new UsageException("invalid --plot '" + plot + "': give a file name ending "
                    + "in .png, such as front.png");
        }
        if (trials.stream().noneMatch(t -> t.hasValues(config.objectives()))) {
            throw new UsageException("--plot: study '" + config.name() + "' has no completed "
                    + "trial yet, so there is nothing to plot; run the search first");
        }
        try {
            FrontPlot.write(config, trials, plot);
            LOG.info("Wrote the front plot to {}", plot.toAbsolutePath());
        } catch (IOException e) {
            throw new UsageException("cannot write --plot " + plot + ": " + e.getMessage()
                    + "; give a writable path", e);
        }
    }
}
