package io.archforge.online;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Decides when a challenger replaces the deployed model. At each check, a challenger
 * wins when its mean error over the recent windows is below the deployed model's by at
 * least the relative {@code margin}. The best challenger of a check replaces the
 * deployed model when it wins that check and at least {@code wins} of its last
 * {@code checks} checks. A swap clears every history, because the comparisons were
 * against the old deployed model.
 *
 * <p>Members are identified by a number that the caller never reuses. Not thread-safe.
 */
public final class SwapRule {

    private final int checks;
    private final int wins;
    private final double margin;
    private final Map<Long, ArrayDeque<Boolean>> history = new HashMap<>();

    /**
     * Creates the rule.
     *
     * @param checks the number of recent checks that count, at least 1
     * @param wins the wins among them that a swap needs, in [1, checks]
     * @param margin the relative error advantage of a win, in [0, 1)
     * @throws IllegalArgumentException when a setting is out of range
     */
    public SwapRule(int checks, int wins, double margin) {
        if (checks < 1 || wins < 1 || wins > checks || !(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("a swap rule needs 1 <= wins <= checks and"
                    + " 0 <= margin < 1, got " + wins + " of " + checks + ", margin " + margin);
        }
        this.checks = checks;
        this.wins = wins;
        this.margin = margin;
    }

    /**
     * Records one check and returns the challenger to deploy, if the rule holds for one.
     *
     * @param deployedError the deployed model's mean error over the recent windows
     * @param challengerErrors each challenger's mean error over the same windows, by
     *     member number; members missing from the map keep their history
     */
    public OptionalLong check(double deployedError, Map<Long, Double> challengerErrors) {
        Objects.requireNonNull(challengerErrors, "challengerErrors");
        long best = -1;
        double bestError = Double.POSITIVE_INFINITY;
        for (Map.Entry<Long, Double> entry : challengerErrors.entrySet()) {
            boolean won = entry.getValue() < deployedError * (1 - margin);
            ArrayDeque<Boolean> results = history.computeIfAbsent(entry.getKey(),
                    key -> new ArrayDeque<>());
            results.addLast(won);
            if (results.size() > checks) {
                results.pollFirst();
            }
            if (won && entry.getValue() < bestError) {
                best = entry.getKey();
                bestError = entry.getValue();
            }
        }
        if (best < 0 || winsOf(best) < wins) {
            return OptionalLong.empty();
        }
        history.clear();
        return OptionalLong.of(best);
    }

    /** Forgets the history of a member that left the population. */
    public void forget(long member) {
        history.remove(member);
    }

    private long winsOf(long member) {
        return history.get(member).stream().filter(Boolean::booleanValue).count();
    }
}
