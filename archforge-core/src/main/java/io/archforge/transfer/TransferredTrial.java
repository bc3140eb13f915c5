package io.archforge.transfer;

import io.archforge.space.Architecture;
import java.util.Objects;

/**
 * One complete trial of an earlier study, carried into a new study as knowledge. It is
 * never an evaluation of the new task: a strategy may learn from it and may propose its
 * architecture, which the new study then evaluates as a trial of its own.
 *
 * @param source the name of the study it comes from
 * @param number its trial number in that study
 * @param architecture its architecture, parsed in the new study's space
 * @param value the source study's value of the new study's primary metric, with the
 *     direction normalised so that larger is better
 */
public record TransferredTrial(String source, int number, Architecture architecture,
        double value) {

    public TransferredTrial {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(architecture, "architecture");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("transferred trial " + number + " of study '"
                    + source + "' has the value " + value + "; only finite values transfer");
        }
    }

    /** Returns the mark stored with a trial that evaluates this architecture: {@code source#number}. */
    public String mark() {
        return source + "#" + number;
    }
}
