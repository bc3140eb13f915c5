package io.archforge.transfer;

import java.util.List;
import java.util.Objects;

/**
 * The complete trials of one earlier study, as a new study learns from them, with the
 * mean and standard deviation that put their values on a common scale.
 *
 * @param name the source study's name
 * @param trials its complete trials that carry the new study's primary metric
 */
public record SourceStudy(String name, List<TransferredTrial> trials) {

    public SourceStudy {
        Objects.requireNonNull(name, "name");
        trials = List.copyOf(trials);
        if (trials.size() < 2) {
            throw new IllegalArgumentException("study '" + name + "' has " + trials.size()
                    + " complete trials with the objective's metric inside this study's space; "
                    + "a warm start needs at least 2, so finish more trials there, search with "
                    + "its ranges, or drop --warm-start-from " + name);
        }
        for (TransferredTrial trial : trials) {
            if (!trial.source().equals(name)) {
                throw new IllegalArgumentException("trial " + trial.number() + " comes from '"
                        + trial.source() + "', not from '" + name + "'");
            }
        }
    }

    /** Returns the mean value. */
    public double mean() {
        return trials.stream().mapToDouble(TransferredTrial::value).average().orElseThrow();
    }

    /** Returns the standard deviation of the values, or 1 when they are all equal. */
    public double standardDeviation() {
        double mean = mean();
        double squares = trials.stream()
                .mapToDouble(t -> (t.value() - mean) * (t.value() - mean)).sum();
        double deviation = Math.sqrt(squares / (trials.size() - 1));
        return deviation > 0 ? deviation : 1;
    }

    /** Returns the value of {@code trial} in standard deviations from this study's mean. */
    public double standardised(TransferredTrial trial) {
        return (trial.value() - mean()) / standardDeviation();
    }
}
