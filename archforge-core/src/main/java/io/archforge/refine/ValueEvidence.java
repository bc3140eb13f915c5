package io.archforge.refine;

import java.util.Objects;

/**
 * The evidence about one value of a categorical or integer choice, and the decision.
 *
 * @param value the value as the string form writes it: an option name or an integer
 * @param trials the complete trials whose architecture takes this value
 * @param topTrials how many of those are in the top group
 * @param pValue the one-sided hypergeometric p-value that the value is depleted in the
 *     top group, {@code P(X <= topTrials)}; 1 when no trial takes the value, and NaN for
 *     a value the searched space did not allow, which is not tested
 * @param adjustedPValue the Holm-adjusted p-value over every tested value of the space;
 *     NaN when not tested
 * @param decision what the refinement does with the value
 * @param reason one sentence that explains the decision with the evidence
 */
public record ValueEvidence(String value, int trials, int topTrials, double pValue,
        double adjustedPValue, Decision decision, String reason) {

    public ValueEvidence {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        if (trials < 0 || topTrials < 0 || topTrials > trials) {
            throw new IllegalArgumentException("value '" + value + "' has " + topTrials
                    + " top trials of " + trials + "; both must be 0 or more, top ones at most"
                    + " all");
        }
    }
}
