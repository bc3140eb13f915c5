package io.archforge.app.bench;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that the benchmark commands on tabular data share: the benchmark, its
 * data sets, the seeds and the studies run at once.
 */
final class TabularBenchOptions {

    @Option(names = "--benchmark", paramLabel = "NAME", defaultValue = "nb201",
            description = "Tabular benchmark: nb201 (default: ${DEFAULT-VALUE}).")
    String benchmark;

    @Option(names = "--dataset", split = ",", paramLabel = "NAME",
            defaultValue = "cifar10,cifar100,imagenet16-120",
            description = "Comma-separated data sets (default: ${DEFAULT-VALUE}).")
    List<String> datasets;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "100",
            description = "Seeds per method and data set, 0 to N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--threads", paramLabel = "N",
            description = "Studies run at once (default: the number of available processors).")
    Integer threads;

    /** Returns the checked data sets, after checking the benchmark name. */
    List<Nb201Dataset> datasets(BenchInputs inputs) {
        if (!benchmark.equals("nb201")) {
            throw inputs.usage("unknown --benchmark '" + benchmark
                    + "': the only tabular benchmark is nb201");
        }
        return inputs.datasets("--dataset", datasets);
    }

    /** Returns the checked number of seeds. */
    int seeds(BenchInputs inputs) {
        inputs.requireRange("--seeds", seeds, Integer.MAX_VALUE);
        return seeds;
    }

    /** Returns the checked number of studies at once, by default one per processor. */
    int threads(BenchInputs inputs) {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        inputs.requireRange("--threads", threads, Integer.MAX_VALUE);
        return threads;
    }
}
