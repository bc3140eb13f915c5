package io.archforge.schedule;

import io.archforge.study.FrozenTrial;
import java.util.List;
import java.util.Optional;

/**
 * The synchronous successive-halving bracket shared by {@link SuccessiveHalving} and
 * {@link Hyperband} (Jamieson and Talwalkar, AISTATS 2016): {@code size} trials start
 * at {@code startRung}; once every trial of a rung has finished, the best
 * {@code floor(n / eta)} of its {@code n} trials (at least one) are evaluated again at
 * the next rung, until the top rung.
 */
final class Brackets {

    private Brackets() {
    }

    /** The state of a bracket: it needs a job, waits for running trials, or is finished. */
    enum Status { NEEDS_JOB, WAITING, FINISHED }

    /** A bracket's next job, or none with the reason. */
    record Step(Status status, Optional<Job> job) {
        static Step of(Job job) {
            return new Step(Status.NEEDS_JOB, Optional.of(job));
        }

        static final Step WAITING = new Step(Status.WAITING, Optional.empty());
        static final Step FINISHED = new Step(Status.FINISHED, Optional.empty());
    }

    /**
     * Returns the next job of bracket {@code bracket}, which starts {@code size} trials at
     * {@code startRung}.
     */
    static Step next(RungState state, int bracket, int startRung, int size, double eta) {
        for (int rung = startRung; rung <= state.topRung(); rung++) {
            List<FrozenTrial> current = state.at(bracket, rung);
            if (rung == startRung && current.size() < size) {
                return Step.of(new Job.Start(bracket, rung));
            }
            if (RungState.running(current) > 0) {
                return Step.WAITING;
            }
            if (rung == state.topRung()) {
                return Step.FINISHED;
            }
            List<FrozenTrial> ranked = RungRanking.bestFirst(current, state.objectives()).stream()
                    .filter(t -> hasObjectives(t, state))
                    .toList();
            int target = Math.min(promotions(current.size(), eta), ranked.size());
            if (target == 0) {
                return Step.FINISHED;
            }
            List<FrozenTrial> next = state.at(bracket, rung + 1);
            if (next.size() < target) {
                for (FrozenTrial candidate : ranked.subList(0, target)) {
                    if (!state.isPromoted(candidate)) {
                        return Step.of(new Job.Promote(candidate, bracket, rung + 1));
                    }
                }
            }
        }
        return Step.FINISHED;
    }

    /** How many of {@code count} trials a rung promotes: {@code floor(count / eta)}, at least 1. */
    static int promotions(int count, double eta) {
        if (count == 0) {
            return 0;
        }
        return Math.max(1, (int) Math.floor(count / eta + 1e-9));
    }

    /** Returns whether the trial is complete with every objective value. */
    static boolean hasObjectives(FrozenTrial trial, RungState state) {
        return trial.hasValues(state.objectives());
    }
}
