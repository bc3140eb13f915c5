package io.archforge.web.view;

import io.archforge.study.Objective;
import io.archforge.web.analysis.ParameterImportance;

/** The sentences that explain parameter importance, shared by the dashboard and the report. */
public final class ImportanceText {

    private ImportanceText() {
    }

    /** Explains how the shares are computed, for the text under the chart. */
    public static String method(Objective objective) {
        return "Each bar is the share of the variance of " + objective.metric()
                + " over the complete trials that one architecture decision explains on its"
                + " own: epsilon squared (Kelley, 1935) of the trials grouped by the value"
                + " the decision took, corrected for the groups that chance alone would"
                + " separate. Main effects only, so interactions are not counted and the"
                + " shares need not add up to 1.";
    }

    /** Explains why no importance is shown for a study with {@code complete} complete trials. */
    public static String tooFewTrials(int complete) {
        return "Parameter importance needs at least " + ParameterImportance.MIN_TRIALS
                + " complete trials; this study has " + complete + ".";
    }

    /** Explains why no importance is shown for a study of a space that is not built in. */
    public static String unknownSpace(String space) {
        return "Parameter importance needs the decisions of the search space, and '" + space
                + "' is not a built-in space.";
    }
}
