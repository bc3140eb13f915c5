package io.archforge.app.cli;

import io.archforge.app.output.TrialViews;
import io.archforge.study.Constraint;
import io.archforge.study.Constraints;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyListener;
import io.archforge.study.Trial;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a search's progress with the best value so far: a progress bar on stderr when
 * it is an interactive terminal, one INFO log line per finished trial otherwise (the
 * bar writes carriage returns that clutter a log file).
 */
final class ProgressReporter implements StudyListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    /**
     * Without a bar, a progress line is logged at INFO when the best improves and every this
     * many trials.
     */
    private static final int LOG_EVERY = 10;

    private final Objective primary;
    private final List<Constraint> constraints;
    private final OptionalInt total;
    private final Optional<ProgressBar> bar;
    private int finished;
    private Optional<FrozenTrial> best;

    private ProgressReporter(Objective primary, List<Constraint> constraints, OptionalInt total,
            int finished, Optional<FrozenTrial> best, Optional<ProgressBar> bar) {
        this.primary = primary;
        this.constraints = constraints;
        this.total = total;
        this.finished = finished;
        this.best = best;
        this.bar = bar;
    }

    /** Starts reporting on {@code study}, which may already have finished trials. */
    static ProgressReporter start(Study study, OptionalInt total, boolean interactive) {
        List<FrozenTrial> trials = study.trials();
        int finished = (int) trials.stream().filter(t -> t.state().isFinished()).count();
        Objective primary = study.objectives().get(0);
        List<Constraint> constraints = study.config().constraints();
        Optional<FrozenTrial> best = Study.bestOf(trials, List.of(primary), constraints);
        Optional<ProgressBar> bar = Optional.empty();
        if (interactive) {
            ProgressBar created = new ProgressBarBuilder()
                    .setTaskName("search")
                    .setInitialMax(total.orElse(-1))
                    .setUnit(" trials", 1)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .startsFrom(finished, java.time.Duration.ZERO)
                    .build();
            bar = Optional.of(created);
        }
        Verbosity.quietStudyLog(interactive);
        ProgressReporter reporter = new ProgressReporter(primary, constraints, total, finished,
                best, bar);
        reporter.showBest();
        return reporter;
    }

    @Override
    public void trialStarted(Trial trial) {
        LOG.debug("Trial {} started: {}", trial.number(), trial.architecture().text());
    }

    @Override
    public void trialFinished(FrozenTrial trial) {
        if (trial.state().isFinished()) {
            finished++;
        }
        boolean improved = trial.hasValues(List.of(primary)) && isBetter(trial);
        if (improved) {
            best = Optional.of(trial);
        }
        if (bar.isPresent()) {
            bar.get().stepTo(finished);
            showBest();
            return;
        }
        String line = "Trial {} {}: {} trials finished{}, best {}";
        String limit = total.isPresent() ? " of " + total.getAsInt() : "";
        Object[] values = {trial.number(), trial.state(), finished, limit, bestText()};
        if (improved || finished % LOG_EVERY == 0) {
            LOG.info(line, values);
        } else {
            LOG.debug(line, values);
        }
    }

    /** Returns whether {@code trial} violates the constraints less, or as little and is better. */
    private boolean isBetter(FrozenTrial trial) {
        if (best.isEmpty()) {
            return true;
        }
        double violation = Constraints.violation(trial, constraints);
        double bestViolation = Constraints.violation(best.get(), constraints);
        if (violation != bestViolation) {
            return violation < bestViolation;
        }
        double value = trial.metrics().get(primary.metric());
        return primary.direction().better(value, best.get().metrics().get(primary.metric()));
    }

    private void showBest() {
        bar.ifPresent(b -> b.setExtraMessage("best " + bestText()));
    }

    private String bestText() {
        String label = constraints.isEmpty() ? "" : "feasible ";
        return best.map(t -> label + primary.metric() + " "
                + TrialViews.number(t.metrics().get(primary.metric()))
                + " (trial " + t.number()
                + (Constraints.isFeasible(t, constraints) ? ")" : ", infeasible)"))
                .orElse("none yet");
    }

    @Override
    public void close() {
        bar.ifPresent(ProgressBar::close);
        Verbosity.quietStudyLog(false);
    }
}
