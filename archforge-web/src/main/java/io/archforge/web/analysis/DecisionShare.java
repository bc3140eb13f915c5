package io.archforge.web.analysis;

import java.util.Objects;

/**
 * The share of an objective's variance that one architecture decision explains.
 *
 * @param decision the decision's name in its search space, such as {@code 1->2}
 * @param share the bias-corrected share, from 0 to 1
 * @param levels the distinct values (or value bins) of the decision among the trials
 */
public record DecisionShare(String decision, double share, int levels) {

    public DecisionShare {
        Objects.requireNonNull(decision, "decision");
    }
}
