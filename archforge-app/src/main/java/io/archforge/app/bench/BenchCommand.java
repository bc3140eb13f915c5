package io.archforge.app.bench;

import io.archforge.app.cli.CommandLines;
import io.archforge.app.online.OnlineBenchCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench}: benchmarks of the search system itself. Subcommands:
 * {@code nb201} (regret of random search and evolution on NAS-Bench-201),
 * {@code strategies} (every strategy, either search protocol, up to 1,000 trials),
 * {@code tables} (load time and
 * heap of the NAS-Bench-201 tables), {@code training} (training throughput with
 * DJL), {@code proxies} (zero-cost proxies against stored scores and test accuracy),
 * {@code predictors} (performance predictors on benchmark tables), {@code pruning}
 * (learned pruning of candidates against the same search without it), {@code pareto}
 * (multi-objective strategies against the true NAS-Bench-201 front) and {@code latency}
 * (latency predictors on device tables and on this machine), {@code ground-truth}
 * (stand-alone accuracies of NAS-Bench-201 cells on Fashion-MNIST), {@code darts}
 * (differentiable search variants judged by table and stand-alone training) and {@code
 * supernet} (supernet ranking fidelity with and without repairs), {@code transfer}
 * (warm starts between NAS-Bench-201 data sets against cold starts), {@code robustness}
 * (one trained network's accuracy under noise, FGSM and PGD at several epsilons),
 * {@code refine} (searches in a space refined from a source search against the full
 * space), {@code hwgpt} (multi-objective search on the HW-GPT-Bench language-model
 * table against its true fronts), {@code crash} (SIGKILL at random moments against the
 * promise that no completed trial is lost), {@code load} (many worker processes on one
 * store against the promise that no trial is lost or counted twice).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark search strategies, the shipped tables and training throughput.",
        subcommands = {Nb201BenchCommand.class, StrategiesBenchCommand.class,
            SchedulersBenchCommand.class, EarlyStoppingBenchCommand.class,
            TablesBenchCommand.class, ParetoBenchCommand.class,
            TrainingBenchCommand.class, ProxiesBenchCommand.class,
            PredictorsBenchCommand.class, PruningBenchCommand.class, LatencyBenchCommand.class,
            GroundTruthBenchCommand.class, DartsBenchCommand.class,
            SupernetBenchCommand.class, TransferBenchCommand.class,
            RobustnessBenchCommand.class, RefineBenchCommand.class, OnlineBenchCommand.class,
            HwGptBenchCommand.class,
            GraphBenchCommand.class,
            CrashBenchCommand.class,
            LoadBenchCommand.class,
            io.archforge.app.domain.forecast.ForecastBaselineCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /**
     * Runs {@code bench} on its own, as {@code archforge bench} does, and exits with its
     * status: 0 success, 1 failure, 2 bad input.
     */
    public static void main(String[] args) {
        System.exit(CommandLines.create(new BenchCommand()).execute(args));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing bench subcommand: use one of " + String.join(", ",
                        spec.subcommands().keySet()));
    }
}
