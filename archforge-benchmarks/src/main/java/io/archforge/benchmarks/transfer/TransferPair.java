package io.archforge.benchmarks.transfer;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.Objects;

/**
 * A source data set whose finished study warm-starts a search on a target data set.
 *
 * @param source the data set of the finished study
 * @param target the data set searched
 */
public record TransferPair(Nb201Dataset source, Nb201Dataset target) {

    public TransferPair {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source == target) {
            throw new IllegalArgumentException("a transfer pair needs two data sets, got "
                    + source + " twice");
        }
    }

    /**
     * Parses {@code SOURCE:TARGET}, such as {@code cifar10:cifar100}.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static TransferPair parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("transfer pair '" + text + "' is not of the "
                    + "form SOURCE:TARGET, such as cifar10:cifar100");
        }
        return new TransferPair(Nb201Dataset.parse(parts[0]), Nb201Dataset.parse(parts[1]));
    }

    @Override
    public String toString() {
        return source.id() + ":" + target.id();
    }
}
