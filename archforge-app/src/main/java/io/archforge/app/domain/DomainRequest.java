package io.archforge.app.domain;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a command line that selects and sets up a data set.
 *
 * @param benchmark the {@code --benchmark} value, if given
 * @param dataset the {@code --dataset} value
 * @param data the {@code --data} directory, if given
 * @param device the {@code --device} value, if given
 * @param options the given domain options by option name, such as {@code --target} to
 *     {@code OT}; options left out are absent
 * @param training the given training options by option name, such as {@code --epochs}
 *     to {@code 3}; options left out are absent
 */
public record DomainRequest(Optional<String> benchmark, String dataset, Optional<Path> data,
        Optional<String> device, Map<String, String> options, Map<String, Object> training) {

    public DomainRequest {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(device, "device");
        options = Map.copyOf(options);
        training = Map.copyOf(training);
    }

    /** Returns the given value of domain option {@code name}, such as {@code --target}. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** Returns the given value of training option {@code name}, such as {@code --epochs}. */
    public Optional<Object> trainingOption(String name) {
        return Optional.ofNullable(training.get(name));
    }
}
