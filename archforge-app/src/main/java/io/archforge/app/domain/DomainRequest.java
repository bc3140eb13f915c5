package io.archforge.app.domain;

import io.archforge.app.cli.UsageException;
import java.nio.file.Path;
import java.util.Collection;
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

    /**
     * Checks that every given domain option is one of {@code accepted}.
     *
     * @throws UsageException naming the first other option, its value and the fix
     */
    public void requireDomainOptionsAmong(Collection<String> accepted) {
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!accepted.contains(option.getKey())) {
                throw new UsageException(option.getKey() + " " + option.getValue()
                        + " does not apply to --dataset " + dataset + "; drop "
                        + option.getKey());
            }
        }
    }

    /**
     * Returns a label for study names of a data set read from {@code file}: {@code prefix},
     * a dash and the file name up to its first dot, such as {@code csv-load}.
     */
    public static String fileLabel(String prefix, Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return prefix + "-" + (dot > 0 ? name.substring(0, dot) : name);
    }

    /** Returns the given value of training option {@code name}, such as {@code --epochs}. */
    public Optional<Object> trainingOption(String name) {
        return Optional.ofNullable(training.get(name));
    }
}
