package io.archforge.app.load;

import io.archforge.study.FrozenTrial;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Timings read from the stored start and finish times of the finished trials. A trial's
 * span runs from its claim, inside the claiming transaction, to its finishing write,
 * inside that transaction. It thus contains the evaluation, the writes in between and
 * the wait for the lock of the finishing write.
 *
 * @param spanP50Millis the median span, in milliseconds
 * @param spanP95Millis the 95th percentile of the spans (nearest rank), in milliseconds
 * @param finishingRate finished trials per second from the first finish to the last, which
 *     leaves out the start of the JVMs; 0 with fewer than two finished trials
 */
public record TrialTimes(double spanP50Millis, double spanP95Millis, double finishingRate) {

    /** Measures the finished trials of {@code trials}. */
    public static TrialTimes of(List<FrozenTrial> trials) {
        List<Double> spans = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        for (FrozenTrial trial : trials) {
            if (!trial.state().isFinished() || trial.finished().isEmpty()) {
                continue;
            }
            Instant finished = trial.finished().get();
            spans.add(Duration.between(trial.started(), finished).toNanos() / 1e6);
            first = first == null || finished.isBefore(first) ? finished : first;
            last = last == null || finished.isAfter(last) ? finished : last;
        }
        spans.sort(null);
        double seconds = spans.size() < 2 ? 0 : Duration.between(first, last).toNanos() / 1e9;
        double rate = seconds > 0 ? (spans.size() - 1) / seconds : 0;
        return new TrialTimes(percentile(spans, 50), percentile(spans, 95), rate);
    }

    /** Returns the nearest-rank percentile {@code p} of sorted {@code values}, 0 for none. */
    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * values.size());
        return values.get(Math.max(rank, 1) - 1);
    }
}
