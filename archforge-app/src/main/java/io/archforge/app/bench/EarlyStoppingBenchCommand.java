package io.archforge.app.bench;

import io.archforge.app.cli.Verbosity;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.app.setup.TrainingSettings;
import io.archforge.eval.CostMetrics;
import io.archforge.schedule.Scheduler;
import io.archforge.schedule.Schedulers;
import io.archforge.space.MacroSpace;
import io.archforge.space.SearchSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import io.archforge.study.Budget;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import io.archforge.study.TrialState;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench early-stopping}: two real-training searches on Fashion-MNIST
 * side by side for the same wall-clock time, one under a scheduler and one training
 * every architecture for the full epochs. Both run at once, one training thread each,
 * so they share the machine's load. Writes {@code trace.csv} (every trial with its
 * finishing time), {@code time-to-target.png} (best validation accuracy of a trained
 * model against minutes) and {@code summary.md} (minutes until each search trained a
 * model of {@code --target} accuracy, at any number of epochs).
 */
@Command(name = "early-stopping", mixinStandardHelpOptions = true,
        description = {
            "Run a real-training search under --scheduler and the same search without one, "
                + "at the same time, and compare the wall-clock time each needs to reach "
                + "--target validation accuracy with a full-fidelity trial.",
            "Writes trace.csv, time-to-target.png and summary.md into --output."})
public final class EarlyStoppingBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyStoppingBenchCommand.class);
    private static final String METRIC = "accuracy";

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Fashion-MNIST IDX directory (default: the system's copy, else the "
                    + "bundled subset).")
    Path data;

    @Option(names = "--scheduler", paramLabel = "NAME", defaultValue = "asha",
            description = "Scheduler of the first search (default: ${DEFAULT-VALUE}).")
    String scheduler;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "random",
            description = "Strategy of both searches (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "9",
            description = "Full-fidelity training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--time-limit", paramLabel = "MINUTES", defaultValue = "10",
            description = "Wall-clock minutes of each search (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--target", paramLabel = "PERCENT", defaultValue = "85",
            description = "Validation accuracy to reach (default: ${DEFAULT-VALUE}).")
    double target;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Pairs of searches, one after another, with study seeds 0 to N-1 "
                    + "(default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "bench-early-stopping",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    /** One finished trial of one search. */
    record Point(String arm, long seed, int trial, double seconds, String state, double accuracy,
            double epochs, boolean full, double best) {
    }

    @Override
    public Integer call() throws IOException {
        BenchInputs inputs = new BenchInputs(spec);
        Scheduler chosen = checkedScheduler(inputs);
        inputs.requireStrategies("--strategy", List.of(strategy));
        inputs.requireRange("--epochs", epochs, 100);
        inputs.requireRange("--seeds", seeds, 100);
        if (!(minutes > 0) || !(target > 0 && target <= 100)) {
            throw inputs.usage("invalid --time-limit " + minutes + " or --target " + target
                    + ": give minutes above 0 and a target accuracy in (0, 100]");
        }
        inputs.prepareOutput("--output", output);
        Verbosity.quietStudyLog(true);

        Map<String, Optional<Scheduler>> arms = new LinkedHashMap<>();
        arms.put(scheduler, Optional.of(chosen));
        arms.put("no early stopping", Optional.empty());
        List<Point> points = new ArrayList<>();
        for (long seed = 0; seed < seeds; seed++) {
            points.addAll(runPair(arms, seed));
        }

        writeTrace(points, output.resolve("trace.csv"));
        plot(points, arms.keySet(), output.resolve("time-to-target.png"));
        String summary = summary(points, arms.keySet());
        Files.writeString(output.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        PrintWriter writer = spec.commandLine().getOut();
        writer.print(summary);
        writer.println("Wrote trace.csv, time-to-target.png and summary.md to " + output.toAbsolutePath());
        writer.flush();
        return 0;
    }

    /** Runs both arms with one study seed at the same time, one thread each. */
    private List<Point> runPair(Map<String, Optional<Scheduler>> arms, long seed) {
        ExecutorService pool = Executors.newFixedThreadPool(arms.size());
        try {
            List<Future<List<Point>>> futures = new ArrayList<>();
            arms.forEach((arm, armScheduler) -> futures.add(pool.submit(() -> runArm(arm, armScheduler, seed))));
            List<Point> points = new ArrayList<>();
            for (Future<List<Point>> future : futures) {
                points.addAll(future.get());
            }
            return points;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the searches ran", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a search failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Scheduler checkedScheduler(BenchInputs inputs) {
        try {
            Scheduler created = Schedulers.create(scheduler, Map.of());
            if (Schedulers.strategyFor(created).isPresent()) {
                throw inputs.usage("invalid --scheduler " + scheduler
                        + ": it brings its own strategy; use sh, hyperband, asha or median");
            }
            return created;
        } catch (IllegalArgumentException e) {
            throw inputs.usage("invalid --scheduler: " + e.getMessage());
        }
    }

    private List<Point> runArm(String arm, Optional<Scheduler> armScheduler, long seed) {
        Map<String, String> recipe = new LinkedHashMap<>(TrainingSettings.standard().toMap());
        recipe.put(TrainingSettings.EPOCHS, Integer.toString(epochs));
        DatasetSpec.Training dataset = new DatasetSpec.Training(DatasetSpec.FASHION_MNIST,
                Optional.ofNullable(data), TrainingSettings.fromMap(recipe));
        SearchSpace space = MacroSpace.create();
        List<Objective> objectives = List.of(Objective.maximize(METRIC));
        StudyConfig config = new StudyConfig("early-stopping-" + arm + "-" + seed, space.name(), dataset.evaluator(),
                dataset.evaluatorOptions(), strategy, Map.of(), objectives, seed);
        List<Point> points = new ArrayList<>();
        long start = System.nanoTime();
        try (EvaluatorFactory.Setup setup = EvaluatorFactory.create(dataset, space, objectives);
                InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, space, Strategies.create(strategy, Map.of()));
            StudyListener listener = new StudyListener() {
                private double best = Double.NaN;

                @Override
                public void trialFinished(FrozenTrial trial) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double accuracy = trial.metrics().getOrDefault(METRIC, Double.NaN);
                    boolean full = trial.state() == TrialState.COMPLETE && Study.isFullFidelity(trial);
                    boolean trained = trial.state() == TrialState.COMPLETE;
                    if (trained && (Double.isNaN(best) || accuracy > best)) {
                        best = accuracy;
                    }
                    points.add(new Point(arm, seed, trial.number(), seconds, trial.state().name(), accuracy,
                            trial.metrics().getOrDefault(CostMetrics.TRAINING_EPOCHS, Double.NaN), full, best));
                    LOG.info("{}: trial {} at {} s, accuracy {}, best {}", arm, trial.number(),
                            Math.round(seconds), accuracy, best);
                }
            };
            study.optimize(setup.evaluator(), Budget.time(Duration.ofMillis(Math.round(minutes * 60_000))),
                    listener, armScheduler);
        }
        return points;
    }

    private static void writeTrace(List<Point> points, Path csv) throws IOException {
        StringBuilder text = new StringBuilder(
                "arm,seed,trial,seconds,state,accuracy,training_epochs,full_fidelity,best_accuracy\n");
        for (Point p : points) {
            text.append(String.format(Locale.ROOT, "%s,%d,%d,%.1f,%s,%s,%s,%b,%s%n", p.arm(), p.seed(), p.trial(),
                    p.seconds(), p.state(), number(p.accuracy()), number(p.epochs()), p.full(),
                    number(p.best())));
        }
        Files.writeString(csv, text, StandardCharsets.UTF_8);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    private void plot(List<Point> points, Iterable<String> arms, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(500)
                .title("Fashion-MNIST: best validation accuracy of a trained model against time")
                .xAxisTitle("minutes").yAxisTitle("validation accuracy (%)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        Color[] colors = {new Color(0x1f77b4), new Color(0xd62728)};
        int index = 0;
        for (String arm : arms) {
            for (long seed = 0; seed < seeds; seed++) {
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (Point p : points) {
                    if (p.arm().equals(arm) && p.seed() == seed && !Double.isNaN(p.best())) {
                        xs.add(p.seconds() / 60);
                        ys.add(p.best());
                    }
                }
                if (!xs.isEmpty()) {
                    XYSeries series = chart.addSeries(arm + ", seed " + seed, xs, ys);
                    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
                    series.setLineColor(colors[index % colors.length]);
                    series.setLineStyle(new BasicStroke(seed == 0 ? 2f : 1f));
                    series.setMarker(SeriesMarkers.CIRCLE);
                    series.setMarkerColor(colors[index % colors.length]);
                }
            }
            index++;
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private String summary(List<Point> points, Iterable<String> arms) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Pairs of %s searches on Fashion-MNIST for %.1f minutes each, the two of a pair at "
                        + "the same time; full fidelity %d epochs; target %.1f%% validation accuracy, "
                        + "reached by any trained model, whatever its epochs.%n%n",
                strategy, minutes, epochs, target));
        text.append("| search | seed | trials | full-fidelity trials | pruned | epochs trained | "
                + "best accuracy | minutes to target |\n|---|---|---|---|---|---|---|---|\n");
        for (String arm : arms) {
            for (long seed = 0; seed < seeds; seed++) {
                long wanted = seed;
                List<Point> mine = points.stream()
                        .filter(p -> p.arm().equals(arm) && p.seed() == wanted).toList();
                double reached = mine.stream()
                        .filter(p -> p.state().equals("COMPLETE") && p.accuracy() >= target)
                        .mapToDouble(Point::seconds).min().orElse(Double.NaN);
                double best = mine.stream().filter(p -> p.state().equals("COMPLETE"))
                        .mapToDouble(Point::accuracy).max().orElse(Double.NaN);
                text.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.0f | %s | %s |%n",
                        arm, seed, mine.size(), mine.stream().filter(Point::full).count(),
                        mine.stream().filter(p -> p.state().equals("PRUNED")).count(),
                        mine.stream().filter(p -> !Double.isNaN(p.epochs())).mapToDouble(Point::epochs).sum(),
                        number(best), Double.isNaN(reached) ? "not reached"
                                : String.format(Locale.ROOT, "%.1f", reached / 60)));
            }
        }
        return text.toString();
    }
}
