package io.archforge.app.bench;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.strategy.Strategies;
import io.archforge.torch.data.DataFileException;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.TrainTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of the options shared by the regret benchmarks; each failure is a
 * {@link ParameterException} (exit status 2) that names the option and the fix.
 */
final class BenchInputs {

    private final CommandSpec spec;

    BenchInputs(CommandSpec spec) {
        this.spec = spec;
    }

    /** Parses data set names given with {@code option}. */
    List<Nb201Dataset> datasets(String option, List<String> names) {
        requireDistinct(option, names);
        List<Nb201Dataset> parsed = new ArrayList<>();
        for (String name : names) {
            try {
                parsed.add(Nb201Dataset.parse(name));
            } catch (IllegalArgumentException e) {
                throw usage("invalid " + option + ": " + e.getMessage());
            }
        }
        return parsed;
    }

    /** Checks that each strategy name is known to {@link Strategies#names()}. */
    void requireStrategies(String option, List<String> names) {
        for (String name : names) {
            if (!Strategies.names().contains(name)) {
                throw usage("invalid " + option + ": unknown strategy '" + name
                        + "'; valid strategies: " + String.join(", ", Strategies.names()));
            }
        }
        requireDistinct(option, names);
    }

    /** Checks strategies that may carry a proxy, as {@code evolution+warmup:synflow}. */
    void requireStrategyVariants(String option, List<String> names) {
        for (String name : names) {
            try {
                io.archforge.benchmarks.ProxyVariant.parse(name);
            } catch (IllegalArgumentException e) {
                throw usage("invalid " + option + ": " + e.getMessage());
            }
        }
        requireDistinct(option, names);
    }

    void requireDistinct(String option, List<String> values) {
        if (values.stream().distinct().count() != values.size()) {
            throw usage("invalid " + option + " " + String.join(",", values)
                    + ": name each value once");
        }
    }

    void requireRange(String option, int value, int max) {
        if (value < 1 || value > max) {
            throw usage("invalid " + option + " " + value + ": it must be 1 or more"
                    + (max < Integer.MAX_VALUE ? " and at most " + max : ""));
        }
    }

    /**
     * Creates the output directory and checks that it can be written, before any study
     * runs, so that a bad directory fails at once rather than after the benchmark.
     */
    void prepareOutput(String option, Path out) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw usage("invalid " + option + " " + out + ": cannot create the directory ("
                    + e.getClass().getSimpleName() + "); choose a writable directory");
        }
        if (!Files.isWritable(out)) {
            throw usage("invalid " + option + " " + out + ": the directory is not writable; "
                    + "choose a writable directory");
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * Reads Fashion-MNIST from {@code data}, or the system's copy when it is null.
     *
     * @throws ParameterException naming the missing or corrupt file and the fix
     */
    static TrainTestData fashionMnist(BenchInputs inputs, Path data) {
        try {
            return DataSources.load("fashion-mnist", data);
        } catch (DataFileException | IllegalArgumentException e) {
            throw inputs.usage("invalid --data " + data + ": " + e.getMessage());
        }
    }
}
