package io.archforge.app.reliability;

import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Study;
import io.archforge.study.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The promises a search killed with SIGKILL keeps, checked on the trials its store shows.
 * Each check returns one message per broken promise, empty when all hold. The studies are
 * NAS-Bench-201 searches, whose trials report {@code objective}.
 */
final class CrashInvariants {

    private static final SearchSpace NB201 = CellSpace.nb201();

    private final String objective;

    CrashInvariants(String objective) {
        this.objective = Objects.requireNonNull(objective, "objective");
    }

    /**
     * Checks that every COMPLETE trial of {@code earlier} is in {@code now} unchanged:
     * number, architecture, seed, metrics, attributes and times.
     */
    List<String> completeTrialsKept(List<FrozenTrial> earlier, List<FrozenTrial> now) {
        List<String> broken = new ArrayList<>();
        for (FrozenTrial before : earlier) {
            if (before.state() != TrialState.COMPLETE) {
                continue;
            }
            Optional<FrozenTrial> after = find(now, before.number());
            if (after.isEmpty()) {
                broken.add("trial " + before.number() + " was COMPLETE and is gone");
            } else if (!after.get().equals(before)) {
                broken.add("trial " + before.number() + " was COMPLETE and changed: "
                        + difference(before, after.get()));
            }
        }
        return broken;
    }

    /**
     * Checks what a restart that was killed in turn did to the trials of {@code earlier}, all
     * written by processes that are dead: each keeps its number, architecture and seed, a
     * RUNNING trial is RUNNING or STALE, and every other trial is unchanged.
     */
    List<String> deadProcessTrialsKept(List<FrozenTrial> earlier, List<FrozenTrial> now) {
        List<String> broken = new ArrayList<>(completeTrialsKept(earlier, now));
        for (FrozenTrial before : earlier) {
            Optional<FrozenTrial> found = find(now, before.number());
            if (found.isEmpty()) {
                if (before.state() != TrialState.COMPLETE) {
                    broken.add("trial " + before.number() + " was " + before.state()
                            + " and is gone");
                }
                continue;
            }
            FrozenTrial after = found.get();
            if (!after.architecture().equals(before.architecture())
                    || after.seed() != before.seed()) {
                broken.add("trial " + before.number() + " changed its architecture or seed: "
                        + difference(before, after));
            } else if (before.state() == TrialState.RUNNING) {
                if (after.state() != TrialState.RUNNING && after.state() != TrialState.STALE) {
                    broken.add("trial " + before.number() + " was RUNNING in a killed process"
                            + " and is now " + after.state() + ", not STALE");
                }
            } else if (before.state() != TrialState.COMPLETE && !after.equals(before)) {
                broken.add("trial " + before.number() + " was " + before.state()
                        + " and changed: " + difference(before, after));
            }
        }
        return broken;
    }

    /**
     * Checks the trials of one study at any time: numbers 0 to n-1 without a gap, no
     * architecture (isomorphism class) in two COMPLETE trials, each COMPLETE trial with a
     * finite objective and no FAILED trial, and every retry ({@value Study#RETRY_OF_ATTRIBUTE})
     * of an earlier STALE trial with the same architecture and seed, at most one COMPLETE
     * retry per STALE trial.
     */
    List<String> wellFormed(List<FrozenTrial> trials) {
        List<String> broken = new ArrayList<>();
        checkNumbering(trials, broken);
        checkComplete(trials, broken);
        checkRetries(trials, broken);
        return broken;
    }

    /**
     * Checks a study that ran to completion: {@code budget} COMPLETE trials, none RUNNING,
     * and every STALE trial's architecture evaluated by a COMPLETE trial.
     */
    List<String> finished(List<FrozenTrial> trials, int budget) {
        List<String> broken = new ArrayList<>(wellFormed(trials));
        Set<String> completeKeys = new HashSet<>();
        int complete = 0;
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.COMPLETE) {
                complete++;
                completeKeys.add(key(trial));
            } else if (trial.state() == TrialState.RUNNING) {
                broken.add("trial " + trial.number() + " is still RUNNING after the search "
                        + "ended");
            }
        }
        if (complete != budget) {
            broken.add("the finished study has " + complete
                    + " COMPLETE trials, not the budget of " + budget);
        }
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.STALE && !completeKeys.contains(key(trial))) {
                broken.add("STALE trial " + trial.number() + " was never evaluated again: "
                        + trial.architecture());
            }
        }
        return broken;
    }

    /**
     * Compares the COMPLETE trials of two studies, which must be equal in order,
     * architecture, seed and metrics.
     *
     * @param runs the name of the two runs in the message, such as
     *     "killed and uninterrupted runs"
     */
    static List<String> sameCompleted(List<CompletedTrial> expected,
            List<CompletedTrial> actual, String runs) {
        List<String> broken = new ArrayList<>();
        int common = Math.min(expected.size(), actual.size());
        for (int i = 0; i < common; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                broken.add(runs + ": COMPLETE trial " + i + " differs: " + expected.get(i)
                        + " against " + actual.get(i));
                return broken;
            }
        }
        if (expected.size() != actual.size()) {
            broken.add(runs + ": " + expected.size() + " against " + actual.size()
                    + " COMPLETE trials");
        }
        return broken;
    }

    private static void checkNumbering(List<FrozenTrial> trials, List<String> broken) {
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).number() != i) {
                broken.add("trial numbers have a gap or a repeat: trial " + trials.get(i)
                        .number() + " is at position " + i);
                return;
            }
        }
    }

    private void checkComplete(List<FrozenTrial> trials, List<String> broken) {
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.FAILED) {
                broken.add("trial " + trial.number() + " FAILED: " + trial.error().orElse(""));
            }
            if (trial.state() != TrialState.COMPLETE) {
                continue;
            }
            Double value = trial.metrics().get(objective);
            if (value == null || !Double.isFinite(value)) {
                broken.add("COMPLETE trial " + trial.number() + " has no finite " + objective
                        + ": " + trial.metrics());
            }
            Integer earlier = firstWithKey.putIfAbsent(key(trial), trial.number());
            if (earlier != null) {
                broken.add("trials " + earlier + " and " + trial.number() + " are both "
                        + "COMPLETE with one architecture: " + trial.architecture());
            }
        }
    }

    private void checkRetries(List<FrozenTrial> trials, List<String> broken) {
        Map<Integer, Integer> completeRetries = new HashMap<>();
        for (FrozenTrial retry : trials) {
            String value = retry.attributes().get(Study.RETRY_OF_ATTRIBUTE);
            if (value == null) {
                continue;
            }
            Optional<FrozenTrial> stale = retried(trials, retry, value, broken);
            if (stale.isEmpty()) {
                continue;
            }
            if (!key(stale.get()).equals(key(retry)) || stale.get().seed() != retry.seed()) {
                broken.add("trial " + retry.number() + " retries trial " + stale.get().number()
                        + " with another architecture or seed: " + difference(stale.get(),
                                retry));
            }
            if (retry.state() == TrialState.COMPLETE
                    && completeRetries.merge(stale.get().number(), 1, Integer::sum) == 2) {
                broken.add("STALE trial " + stale.get().number() + " has two COMPLETE "
                        + "retries, the second is trial " + retry.number());
            }
        }
    }

    /** Returns the STALE trial that {@code retry} names, or empty after noting a violation. */
    private static Optional<FrozenTrial> retried(List<FrozenTrial> trials, FrozenTrial retry,
            String value, List<String> broken) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            broken.add("trial " + retry.number() + " has an invalid " + Study.RETRY_OF_ATTRIBUTE
                    + " '" + value + "'");
            return Optional.empty();
        }
        Optional<FrozenTrial> stale = find(trials, number);
        if (stale.isEmpty() || number >= retry.number()
                || stale.get().state() != TrialState.STALE) {
            broken.add("trial " + retry.number() + " retries trial " + number + ", which is "
                    + stale.map(t -> t.state() + " and " + (number >= retry.number()
                            ? "not earlier" : "earlier")).orElse("missing")
                    + "; a retry must follow a STALE trial");
            return Optional.empty();
        }
        return stale;
    }

    private static Optional<FrozenTrial> find(List<FrozenTrial> trials, int number) {
        if (number >= 0 && number < trials.size() && trials.get(number).number() == number) {
            return Optional.of(trials.get(number));
        }
        return trials.stream().filter(t -> t.number() == number).findFirst();
    }

    private static String key(FrozenTrial trial) {
        return NB201.parse(trial.architecture()).isomorphismKey();
    }

    /** Describes how two snapshots of one trial differ, field by field. */
    private static String difference(FrozenTrial before, FrozenTrial after) {
        List<String> fields = new ArrayList<>();
        compare(fields, "state", before.state(), after.state());
        compare(fields, "architecture", before.architecture(), after.architecture());
        compare(fields, "seed", before.seed(), after.seed());
        compare(fields, "metrics", before.metrics(), after.metrics());
        compare(fields, "attributes", before.attributes(), after.attributes());
        compare(fields, "intermediate values", before.intermediate(), after.intermediate());
        compare(fields, "started", before.started(), after.started());
        compare(fields, "finished", before.finished(), after.finished());
        compare(fields, "error", before.error(), after.error());
        return String.join("; ", fields);
    }

    private static void compare(List<String> fields, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(name + " " + before + " -> " + after);
        }
    }
}
