package io.archforge.refine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the counts and adjusted p-values of a choice into decisions with reasons. */
final class Decisions {

    private final double alpha;
    private final int trials;
    private final int top;
    private final int bestTrial;

    /**
     * @param alpha the level adjusted p-values are held to
     * @param trials the trials analysed
     * @param top the trials in the top group
     * @param bestTrial the number of the best trial
     */
    Decisions(double alpha, int trials, int top, int bestTrial) {
        this.alpha = alpha;
        this.trials = trials;
        this.top = top;
        this.bestTrial = bestTrial;
    }

    /** Decides every value of a categorical or integer choice, in gene order. */
    List<ValueEvidence> decide(ValueCounts counts) {
        List<ValueEvidence> values = new ArrayList<>(counts.size());
        for (int j = 0; j < counts.size(); j++) {
            values.add(decide(counts, j));
        }
        keepLast(counts, values);
        return values;
    }

    private ValueEvidence decide(ValueCounts counts, int j) {
        int n = counts.trials(j);
        int t = counts.topTrials(j);
        double adjusted = counts.adjustedPValue(j);
        Decision decision;
        String reason;
        if (counts.isBest(j)) {
            decision = Decision.KEPT_IN_BEST;
            reason = "The best trial #" + bestTrial + " uses it, so it is never removed.";
        } else if (!counts.allowedBefore(j)) {
            decision = Decision.EXCLUDED;
            reason = "The space this study searched did not allow it, so it stays out.";
        } else if (n == 0) {
            decision = Decision.KEPT;
            reason = "No trial used it, so there is no evidence against it.";
        } else if (adjusted < alpha) {
            decision = Decision.REMOVED;
            reason = evidence(n, t) + "; adjusted p = " + format(adjusted) + " < "
                    + format(alpha) + ".";
        } else {
            decision = Decision.KEPT;
            reason = evidence(n, t) + "; adjusted p = " + format(adjusted)
                    + " is not below " + format(alpha) + ".";
        }
        return new ValueEvidence(counts.value(j), n, t, counts.pValue(j), adjusted, decision,
                reason);
    }

    /** Keeps the least significant removed value when a choice would keep none. */
    private void keepLast(ValueCounts counts, List<ValueEvidence> values) {
        if (values.stream().anyMatch(v -> v.decision().keeps())) {
            return;
        }
        int last = -1;
        for (int j = 0; j < values.size(); j++) {
            boolean removed = values.get(j).decision() == Decision.REMOVED;
            if (removed && (last < 0
                    || values.get(j).adjustedPValue() > values.get(last).adjustedPValue())) {
                last = j;
            }
        }
        ValueEvidence value = values.get(last);
        values.set(last, new ValueEvidence(value.value(), value.trials(), value.topTrials(),
                value.pValue(), value.adjustedPValue(), Decision.KEPT_AS_LAST,
                "Kept although adjusted p = " + format(value.adjustedPValue()) + " < "
                        + format(alpha) + ", because every other value of this choice was"
                        + " removed."));
    }

    private String evidence(int n, int t) {
        double expected = (double) n * top / trials;
        return String.format(Locale.ROOT, "%d of its %d trials are in the top %d, against"
                + " %.1f expected without effect", t, n, top, expected);
    }

    /** Writes a probability with three significant digits, in exponent form below 0.001. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value != 0 && value < 0.001) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }
}
