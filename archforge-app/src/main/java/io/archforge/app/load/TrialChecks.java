package io.archforge.app.load;

import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Study;
import io.archforge.study.TrialState;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The promises of a study run by many workers, checked on its stored trials. It must end
 * with exactly the budget of finished trials, numbered 0 to n - 1 with no gap and no
 * number twice. No isomorphism class may appear twice among the COMPLETE trials, no
 * trial may be left RUNNING, and every STALE trial must be evaluated again.
 *
 * @param budget the study's trial budget
 * @param trials the stored trials, in every state
 * @param finished the COMPLETE, PRUNED and FAILED trials
 * @param failed the FAILED trials
 * @param gaps the numbers between 0 and the highest that no trial has
 * @param repeatedNumbers the trials whose number another trial has too
 * @param duplicates the COMPLETE trials whose isomorphism class an earlier COMPLETE trial has
 * @param runningAtEnd the trials still RUNNING
 * @param stale the STALE trials, whose worker died or stopped
 * @param staleRetried the STALE trials that a later trial evaluated again, or whose
 *     isomorphism class a finished trial has
 */
public record TrialChecks(int budget, int trials, int finished, int failed, int gaps,
        int repeatedNumbers, int duplicates, int runningAtEnd, int stale, int staleRetried) {

    /**
     * Checks {@code trials} of a study with trial budget {@code budget} in {@code space}.
     */
    public static TrialChecks of(List<FrozenTrial> trials, int budget, SearchSpace space) {
        Objects.requireNonNull(space, "space");
        Set<Integer> numbers = new HashSet<>();
        int highest = -1;
        int finished = 0;
        int failed = 0;
        int running = 0;
        for (FrozenTrial trial : trials) {
            numbers.add(trial.number());
            highest = Math.max(highest, trial.number());
            finished += trial.state().isFinished() ? 1 : 0;
            failed += trial.state() == TrialState.FAILED ? 1 : 0;
            running += trial.state() == TrialState.RUNNING ? 1 : 0;
        }
        Set<String> finishedKeys = new HashSet<>();
        int duplicates = 0;
        for (FrozenTrial trial : trials) {
            if (trial.state().isFinished()) {
                String key = space.parse(trial.architecture()).isomorphismKey();
                boolean fresh = finishedKeys.add(key);
                duplicates += !fresh && trial.state() == TrialState.COMPLETE ? 1 : 0;
            }
        }
        int[] stale = staleCounts(trials, finishedKeys, space);
        return new TrialChecks(budget, trials.size(), finished, failed,
                highest + 1 - numbers.size(), trials.size() - numbers.size(), duplicates,
                running, stale[0], stale[1]);
    }

    /** Returns the STALE trials, and those of them evaluated again. */
    private static int[] staleCounts(List<FrozenTrial> trials, Set<String> finishedKeys,
            SearchSpace space) {
        Set<String> retriedNumbers = new HashSet<>();
        for (FrozenTrial trial : trials) {
            Map<String, String> attributes = trial.attributes();
            if (attributes.containsKey(Study.RETRY_OF_ATTRIBUTE)) {
                retriedNumbers.add(attributes.get(Study.RETRY_OF_ATTRIBUTE));
            }
        }
        int stale = 0;
        int retried = 0;
        for (FrozenTrial trial : trials) {
            if (trial.state() != TrialState.STALE) {
                continue;
            }
            stale++;
            String key = space.parse(trial.architecture()).isomorphismKey();
            if (retriedNumbers.contains(Integer.toString(trial.number()))
                    || finishedKeys.contains(key)) {
                retried++;
            }
        }
        return new int[] {stale, retried};
    }

    /** Returns the trials whose work is lost: RUNNING ones and STALE ones not evaluated again. */
    public int lost() {
        return runningAtEnd + stale - staleRetried;
    }

    /** Returns whether every promise holds. */
    public boolean passed() {
        return finished == budget && failed == 0 && gaps == 0 && repeatedNumbers == 0
                && duplicates == 0 && lost() == 0;
    }
}
