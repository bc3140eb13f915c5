package io.archforge.app.online;

import io.archforge.app.cli.OutputOptions;
import io.archforge.app.cli.UsageException;
import io.archforge.app.output.Json;
import io.archforge.online.DriftDetector;
import io.archforge.online.DriftDetectors;
import io.archforge.space.ForecastingSpace;
import io.archforge.torch.forecast.ForecastNetworkBuilder;
import io.archforge.torch.online.OnlineListener;
import io.archforge.torch.online.OnlineNas;
import io.archforge.torch.online.OnlineSettings;
import io.archforge.torch.online.ReplayResult;
import io.archforge.torch.online.StreamData;
import io.archforge.torch.online.StreamReplay;
import io.archforge.torch.train.DjlRuntime;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge online}: replays a time series row by row and runs an online
 * architecture search on it ({@link OnlineNas}), scoring each window prequentially with
 * the deployed network before training on it. Prints progress, every swap and drift
 * alarm as they happen and a summary, or with {@code --json} one object.
 */
@Command(name = "online", mixinStandardHelpOptions = true,
        description = {
            "Online architecture search on a drifting stream: a population of forecasting"
                + " networks trains on each arriving chunk of rows, evolution replaces the"
                + " worst with mutated children that inherit weights, a drift detector on the"
                + " deployed network's error raises the search effort, and a challenger that"
                + " is reliably better replaces the deployed network.",
            "Errors are on the scale standardised by the first 20%% of the stream."})
public final class OnlineCommand implements Callable<Integer> {

    /** Rows per chunk: forecasts and training steps happen once per chunk. */
    static final int CHUNK_ROWS = 24;

    private static final Logger LOG = LoggerFactory.getLogger(OnlineCommand.class);

    /** Progress lines printed over the whole stream. */
    private static final int PROGRESS_LINES = 10;

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--dataset", required = true, paramLabel = "NAME|csv:FILE",
            description = "The stream: etth1, etth2, exchange, illness, pm25 or csv:FILE.")
    String dataset;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The column to forecast (default: OT for the ETT, exchange and "
                    + "illness series, pm2.5 for pm25; required with csv:FILE).")
    String target;

    @Option(names = "--missing", paramLabel = "interpolate|drop",
            description = "Repair of empty target values: interpolated linearly between "
                    + "their neighbours or their rows dropped (default: interpolate).")
    String missing;

    @Option(names = "--lookback", paramLabel = "N", defaultValue = "96",
            description = "Past steps each forecast reads (default: ${DEFAULT-VALUE}).")
    int lookback;

    @Option(names = "--horizon", paramLabel = "N", defaultValue = "24",
            description = "Future steps each forecast predicts (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--rows", paramLabel = "N",
            description = "Replay only the first N rows (default: all).")
    Integer rows;

    @Option(names = "--speed", paramLabel = "ROWS",
            description = "Maximum replay rate in rows per second (default: unlimited).")
    Double speed;

    @Option(names = "--detector", paramLabel = "adwin|page-hinkley", defaultValue = "adwin",
            description = "Drift detector fed the deployed network's error "
                    + "(default: ${DEFAULT-VALUE}).")
    String detector;

    @Option(names = "--population", paramLabel = "K", defaultValue = "6",
            description = "Networks that train side by side, at least 2 "
                    + "(default: ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the architectures, batches and initial weights "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        DriftDetector drift = detector();
        double rate = speed();
        if (population < 2) {
            throw new UsageException("invalid --population " + population
                    + ": use at least 2");
        }
        StreamData data = StreamSource.read(dataset, target, missing, lookback, horizon, rows);
        DjlRuntime.setThreads(1);
        PrintWriter out = spec.commandLine().getOut();
        OnlineSettings settings = OnlineSettings.defaults(population, seed);
        OnlineListener listener = output.json() ? OnlineListener.NONE : new Printer(out);
        LOG.info("Streaming {} rows of {} with population {} and detector {}", data.rows(),
                dataset, population, drift.name());

        ReplayResult result;
        OnlineRun run;
        try (OnlineNas search = new OnlineNas(data, ForecastingSpace.create(),
                ForecastNetworkBuilder::build, drift, settings, listener)) {
            StreamReplay.Progress progress = output.json() ? StreamReplay.Progress.NONE
                    : progress(out, data);
            result = new StreamReplay(data, CHUNK_ROWS, data.firstOrigin(), rate, progress)
                    .run(search);
            run = new OnlineRun(dataset, drift.name(), population, data, result,
                    search.swaps(), search.drifts());
        }

        if (output.json()) {
            out.println(Json.write(run.json()));
        } else {
            out.print(run.summary());
        }
        out.flush();
        return 0;
    }

    private DriftDetector detector() {
        try {
            return DriftDetectors.create(detector);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --detector: " + e.getMessage(), e);
        }
    }

    private double speed() {
        if (speed == null) {
            return 0;
        }
        if (!(speed > 0) || speed.isInfinite()) {
            throw new UsageException("invalid --speed " + speed + ": give a positive number of"
                    + " rows per second, or leave it out for no limit");
        }
        return speed;
    }

    private static StreamReplay.Progress progress(PrintWriter out, StreamData data) {
        int every = Math.max(CHUNK_ROWS, data.rows() / PROGRESS_LINES);
        int[] next = {every};
        return (row, chunkMae, deployed) -> {
            if (row < next[0] && row < data.rows()) {
                return;
            }
            next[0] += every;
            out.printf(java.util.Locale.ROOT, "row %d/%d (%s): chunk MAE %.4f, deployed %s%n",
                    row, data.rows(), data.timestamp(row - 1), chunkMae, deployed);
            out.flush();
        };
    }

    /** Prints each swap and drift alarm as it happens. */
    private record Printer(PrintWriter out) implements OnlineListener {

        @Override
        public void swapped(Swap swap) {
            out.printf(java.util.Locale.ROOT, "swap at row %d (%s): %s (MAE %.4f) -> %s "
                    + "(MAE %.4f)%n", swap.row(), swap.timestamp(), swap.from(),
                    swap.deployedError(), swap.to(), swap.challengerError());
            out.flush();
        }

        @Override
        public void drifted(Drift drift) {
            out.printf(java.util.Locale.ROOT, "drift alarm (%s) at row %d (%s): deployed "
                    + "MAE %.4f%n", drift.detector(), drift.row(), drift.timestamp(),
                    drift.deployedError());
            out.flush();
        }
    }
}
