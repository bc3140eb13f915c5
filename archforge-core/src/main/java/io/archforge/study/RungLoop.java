package io.archforge.study;

import io.archforge.eval.Evaluator;
import io.archforge.fidelity.Fidelity;
import io.archforge.fidelity.FidelityRange;
import io.archforge.schedule.Job;
import io.archforge.schedule.RungScheduler;
import io.archforge.schedule.RungState;
import io.archforge.schedule.Schedulers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimisation loop under a {@link RungScheduler}: before each evaluation the
 * scheduler reads the stored trials and requests either a new architecture from
 * the strategy at some rung, or a finished trial's architecture again at a higher
 * rung. Every evaluation is a trial of its own, stored with its fidelity
 * ({@value Fidelity#ATTRIBUTE}), whether that is the full fidelity
 * ({@value Study#FULL_FIDELITY}), its rung and bracket, and for a promotion the trial
 * it continues. After a resume, the next starts evaluate the architectures of stale
 * new trials again, at the rung the scheduler requests. A promotion evaluates again
 * from scratch: a tabular benchmark's epoch settings are separate training runs, and
 * so are training runs of more epochs.
 */
final class RungLoop {

    private static final Logger LOG = LoggerFactory.getLogger(RungLoop.class);
    private static final int PLAN_ATTEMPTS = 100;

    private final Study study;
    private final RungScheduler scheduler;
    private final Evaluator evaluator;
    private final List<Fidelity> rungs;

    /**
     * @throws IllegalArgumentException when the evaluator has no fidelity range, or the
     *     scheduler's minimum fidelity is outside it
     */
    RungLoop(Study study, RungScheduler scheduler, Evaluator evaluator) {
        this.study = study;
        this.scheduler = scheduler;
        this.evaluator = evaluator;
        FidelityRange range = Schedulers.range(scheduler, evaluator);
        this.rungs = Schedulers.rungs(scheduler, range);
        LOG.info("Scheduler {} with eta {} on rungs {}", scheduler.name(), scheduler.eta(), rungs);
    }

    Study.StopReason run(Budget budget, StudyListener listener) {
        // A stale promotion is planned again by the scheduler, which sees its source
        // unpromoted; a stale new trial is evaluated again by the next start.
        int dropped = study.dropRetries(t -> t.attributes().containsKey(RungScheduler.PROMOTED_FROM));
        if (dropped > 0) {
            LOG.info("{} stale promotions will be scheduled again by {}", dropped, scheduler.name());
        }
        return study.run(budget, listener, deadline -> {
            Trial trial = nextTrial();
            listener.trialStarted(trial);
            return study.evaluateOne(evaluator, trial, deadline, Optional.empty());
        });
    }

    /**
     * Starts the scheduler's next job, planning again when another worker claimed the
     * promotion first: the new plan includes that worker's running trial.
     */
    private Trial nextTrial() {
        for (int attempt = 0; attempt < PLAN_ATTEMPTS; attempt++) {
            RungState state = new RungState(rungs, study.trials(), study.objectives());
            Optional<Trial> trial = start(scheduler.next(state));
            if (trial.isPresent()) {
                return trial.get();
            }
        }
        throw new IllegalStateException(scheduler.name() + " planned " + PLAN_ATTEMPTS
                + " promotions in a row that other workers had claimed");
    }

    private Optional<Trial> start(Job job) {
        Fidelity fidelity = rungs.get(job.rung());
        Map<String, String> attributes = new HashMap<>();
        attributes.put(Fidelity.ATTRIBUTE, fidelity.toString());
        attributes.put(Study.FULL_FIDELITY, Boolean.toString(job.rung() == rungs.size() - 1));
        attributes.put(RungScheduler.RUNG, Integer.toString(job.rung()));
        attributes.put(RungScheduler.BRACKET, Integer.toString(job.bracket()));
        attributes.put("scheduler", scheduler.name());
        if (job instanceof Job.Promote promote) {
            attributes.put(RungScheduler.PROMOTED_FROM, Integer.toString(promote.source().number()));
            LOG.debug("Promoting trial {} to {}", promote.source().number(), fidelity);
            return study.repeat(promote.source(), attributes);
        }
        return Optional.of(study.ask(attributes));
    }
}
