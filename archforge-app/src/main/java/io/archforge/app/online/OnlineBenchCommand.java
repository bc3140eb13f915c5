package io.archforge.app.online;

import io.archforge.app.cli.UsageException;
import io.archforge.online.DriftDetectors;
import io.archforge.space.ForecastingSpace;
import io.archforge.space.SearchSpace;
import io.archforge.torch.forecast.ForecastNetworkBuilder;
import io.archforge.torch.online.FixedLearner;
import io.archforge.torch.online.OnlineListener;
import io.archforge.torch.online.OnlineNas;
import io.archforge.torch.online.OnlineSettings;
import io.archforge.torch.online.PeriodicSearchLearner;
import io.archforge.torch.online.ReplayResult;
import io.archforge.torch.online.StreamData;
import io.archforge.torch.online.StreamLearner;
import io.archforge.torch.online.StreamReplay;
import io.archforge.torch.online.WindowSearch;
import io.archforge.torch.train.DjlRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench online}: compares, on the same streams and windows, the naive
 * forecast, the best static architecture of a search on the first 20% of the stream,
 * periodic full re-search, and online search ({@link OnlineNas}). Every network keeps
 * training on each arriving chunk with the same steps, so the methods differ in how
 * they choose architectures. Writes {@code summary.md}, {@code summary.csv}, {@code
 * rolling.csv} and one chart {@code rolling-DATASET.png} per stream.
 */
@Command(name = "online", mixinStandardHelpOptions = true,
        description = {
            "Compare online architecture search with the best static architecture of a search"
                + " on the first 20%% of each stream and with periodic full re-search, by"
                + " prequential error and compute, on the windows after the first 20%.",
            "Writes summary.md, summary.csv, rolling.csv and rolling-DATASET.png into "
                + "--output."})
public final class OnlineBenchCommand implements Callable<Integer> {

    /** Steps per chunk of every method, as in {@link OnlineSettings#defaults}. */
    static final int STEPS_PER_CHUNK = 2;
    /** Latest windows that every method's batches come from. */
    static final int REPLAY_WINDOWS = 512;
    /** Latest windows whose errors rank candidates and decide swaps. */
    static final int RECENT_WINDOWS = 96;

    private static final Logger LOG = LoggerFactory.getLogger(OnlineBenchCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", split = ",", paramLabel = "NAME",
            defaultValue = "etth1,etth2,pm25",
            description = "Comma-separated streams: etth1, etth2, exchange, illness, pm25 or "
                    + "csv:FILE with --target (default: ${DEFAULT-VALUE}).")
    List<String> datasets;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The column to forecast of every stream (default: each data set's).")
    String target;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "4320",
            description = "Rows replayed from the start of each stream; 4320 hourly rows are "
                    + "180 days (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--lookback", paramLabel = "N", defaultValue = "96",
            description = "Past steps each forecast reads (default: ${DEFAULT-VALUE}).")
    int lookback;

    @Option(names = "--horizon", paramLabel = "N", defaultValue = "24",
            description = "Future steps each forecast predicts (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--population", paramLabel = "K", defaultValue = "4",
            description = "Networks of the online search (default: ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--detector", paramLabel = "adwin|page-hinkley", defaultValue = "adwin",
            description = "Drift detector of the online search (default: ${DEFAULT-VALUE}).")
    String detector;

    @Option(names = "--candidates", paramLabel = "N", defaultValue = "6",
            description = "Architectures each offline search trains (default: "
                    + "${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--search-steps", paramLabel = "N", defaultValue = "100",
            description = "Optimizer steps per candidate of an offline search (default: "
                    + "${DEFAULT-VALUE}).")
    int searchSteps;

    @Option(names = "--research-every", paramLabel = "ROWS",
            description = "Rows between two periodic searches (default: a fifth of --rows).")
    Integer researchEvery;

    @Option(names = "--rolling", paramLabel = "WINDOWS", defaultValue = "168",
            description = "Windows that the rolling error of the chart and rolling.csv "
                    + "averages (default: ${DEFAULT-VALUE}).")
    int rolling;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of every method (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "bench-online",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        Files.createDirectories(output);
        DjlRuntime.setThreads(1);
        List<BenchRun> runs = new ArrayList<>();
        for (String dataset : datasets) {
            StreamData data = StreamSource.read(dataset, target, null, lookback, horizon, rows);
            runs.addAll(bench(dataset, data));
        }

        BenchFiles.write(runs, rolling, output);
        String summary = BenchFiles.summary(runs, settings());
        Files.writeString(output.resolve("summary.md"), summary);
        PrintWriter out = spec.commandLine().getOut();
        out.print(summary);
        out.println("Wrote summary.md, summary.csv, rolling.csv and " + datasets.size()
                + " chart(s) to " + output.toAbsolutePath());
        out.flush();
        return 0;
    }

    private void validate() {
        if (population < 2) {
            throw new UsageException("invalid --population " + population + ": use at least 2");
        }
        if (candidates < 1 || searchSteps < 1 || rolling < 1) {
            throw new UsageException("invalid --candidates " + candidates + ", --search-steps "
                    + searchSteps + " or --rolling " + rolling + ": each must be at least 1");
        }
        if (!DriftDetectors.names().contains(detector)) {
            throw new UsageException("invalid --detector '" + detector + "': use one of "
                    + String.join(", ", DriftDetectors.names()));
        }
        if (researchEvery != null && researchEvery < OnlineCommand.CHUNK_ROWS) {
            throw new UsageException("invalid --research-every " + researchEvery + ": use at"
                    + " least " + OnlineCommand.CHUNK_ROWS + " rows");
        }
    }

    private List<BenchRun> bench(String dataset, StreamData data) throws InterruptedException {
        int searched = (int) (data.rows() * StreamSource.PREFIX_SHARE);
        int every = researchEvery != null ? researchEvery : Math.max(OnlineCommand.CHUNK_ROWS,
                data.rows() / 5);
        SearchSpace space = ForecastingSpace.create();
        WindowSearch search = new WindowSearch(data, space, ForecastNetworkBuilder::build,
                candidates, searchSteps, RECENT_WINDOWS);
        List<BenchRun> runs = new ArrayList<>();

        // Each method replays the whole stream; windows from the searched rows on count.
        runs.add(measure(dataset, "naive", data, searched, () -> new NaiveLearner(data)));
        runs.add(measure(dataset, "static", data, searched, () -> new FixedLearner(data, space,
                ForecastNetworkBuilder::build, search, searched, STEPS_PER_CHUNK,
                REPLAY_WINDOWS, seed)));
        runs.add(measure(dataset, "periodic", data, searched, () -> new PeriodicSearchLearner(
                data, search, searched, every, searched, STEPS_PER_CHUNK, REPLAY_WINDOWS,
                seed)));
        runs.add(measure(dataset, "online", data, searched, () -> new OnlineNas(data, space,
                ForecastNetworkBuilder::build, DriftDetectors.create(detector),
                OnlineSettings.defaults(population, seed), OnlineListener.NONE)));
        return runs;
    }

    private BenchRun measure(String dataset, String method, StreamData data, int scoreFrom,
            LearnerFactory factory) throws InterruptedException {
        double cpuStart = processCpuSeconds();
        try (StreamLearner learner = factory.create()) {
            ReplayResult result = new StreamReplay(data, OnlineCommand.CHUNK_ROWS, scoreFrom, 0,
                    StreamReplay.Progress.NONE).run(learner);
            double cpu = processCpuSeconds() - cpuStart;
            int events = 0;
            int drifts = 0;
            if (learner instanceof OnlineNas online) {
                events = online.swaps().size();
                drifts = online.drifts().size();
            } else if (learner instanceof PeriodicSearchLearner periodic) {
                events = periodic.searchRows().size();
            } else if (learner instanceof FixedLearner) {
                events = 1;
            }
            LOG.info("{} {}: MAE {} with {} steps in {} CPU s", dataset, method,
                    result.mae(), result.trainingSteps(), Math.round(cpu));
            return new BenchRun(dataset, method, result, cpu, events, drifts);
        }
    }

    private String settings() {
        return "rows " + rows + ", lookback " + lookback + ", horizon " + horizon
                + ", chunk " + OnlineCommand.CHUNK_ROWS + " rows, " + STEPS_PER_CHUNK
                + " steps per chunk per network, population " + population + ", detector "
                + detector + ", offline searches of " + candidates + " candidates x "
                + searchSteps + " steps, periodic search every "
                + (researchEvery != null ? researchEvery + " rows" : "rows/5") + ", seed "
                + seed;
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** Creates a learner; searches may run while it is created. */
    @FunctionalInterface
    private interface LearnerFactory {
        StreamLearner create();
    }
}
