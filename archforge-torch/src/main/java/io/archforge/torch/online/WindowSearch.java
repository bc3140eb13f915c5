package io.archforge.torch.online;

import ai.djl.ndarray.NDManager;
import io.archforge.space.SearchSpace;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An offline random search over a span of a stream, the baseline that online search is
 * measured against: each candidate trains from scratch for a fixed number of optimizer
 * steps on the windows whose forecast rows lie in the first 80 percent of the span, and
 * is ranked by its mean absolute error on the windows of the last 20 percent (every
 * {@code horizon}-th window, so the validation windows do not overlap).
 */
public final class WindowSearch {

    /** The share of the span whose windows train the candidates. */
    static final double TRAIN_SHARE = 0.8;

    private static final Logger LOG = LoggerFactory.getLogger(WindowSearch.class);

    private final StreamData data;
    private final SearchSpace space;
    private final NetworkFactory networks;
    private final int candidates;
    private final int steps;
    private final int recentWindows;

    /**
     * Creates a search.
     *
     * @param candidates architectures drawn per search, at least 1
     * @param steps optimizer steps per candidate, at least 1
     * @param recentWindows the recent errors the winning network keeps afterwards
     */
    public WindowSearch(StreamData data, SearchSpace space, NetworkFactory networks,
            int candidates, int steps, int recentWindows) {
        this.data = Objects.requireNonNull(data, "data");
        this.space = Objects.requireNonNull(space, "space");
        this.networks = Objects.requireNonNull(networks, "networks");
        if (candidates < 1 || steps < 1) {
            throw new IllegalArgumentException("a window search needs at least 1 candidate and"
                    + " 1 step, got " + candidates + " and " + steps);
        }
        this.candidates = candidates;
        this.steps = steps;
        this.recentWindows = recentWindows;
    }

    /**
     * Searches the rows {@code [from, to)} and returns the best candidate, trained, in a
     * sub-manager of {@code manager}; the other candidates are freed.
     *
     * @throws IllegalArgumentException when the span contains too few windows
     */
    Outcome search(int from, int to, NDManager manager, SplittableRandom random) {
        // Training windows end before the split; validation windows start at it.
        int split = from + (int) ((to - from) * TRAIN_SHARE);
        int trainStart = Math.max(data.firstOrigin(), from);
        int trainEnd = split - data.horizon() + 1;
        int validationStart = Math.max(split, data.firstOrigin());
        int validationEnd = to - data.horizon() + 1;
        if (trainEnd <= trainStart || validationEnd <= validationStart) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") are too few for"
                    + " a search with lookback " + data.lookback() + " and horizon "
                    + data.horizon());
        }
        int[] validation = every(validationStart, validationEnd, data.horizon());

        // Train each candidate from scratch and keep the best one open
        StreamMember best = null;
        double bestError = Double.POSITIVE_INFINITY;
        long spent = 0;
        for (int i = 0; i < candidates; i++) {
            StreamMember candidate = StreamMember.create(i, space.sample(random), networks,
                    data, manager, recentWindows, to);
            for (int step = 0; step < steps; step++) {
                candidate.train(trainStart, trainEnd, 0, random);
            }
            spent += candidate.steps();
            double error = error(candidate, validation);
            LOG.debug("Candidate {} of rows [{}, {}): validation MAE {}", i, from, to, error);
            if (best == null || error < bestError) {
                if (best != null) {
                    best.close();
                }
                best = candidate;
                bestError = error;
            } else {
                candidate.close();
            }
        }
        return new Outcome(best, bestError, spent);
    }

    private double error(StreamMember member, int[] origins) {
        float[] forecasts = member.forecast(origins);
        double sum = 0;
        for (int i = 0; i < origins.length; i++) {
            sum += data.absoluteError(origins[i], forecasts, i * data.horizon());
        }
        double error = sum / origins.length;
        return Double.isFinite(error) ? error : Double.POSITIVE_INFINITY;
    }

    private static int[] every(int from, int to, int stride) {
        int[] values = new int[(to - from + stride - 1) / stride];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i * stride;
        }
        return values;
    }

    /**
     * The result of one search.
     *
     * @param winner the best candidate, trained; the caller closes it
     * @param validationError its mean absolute error on the validation windows
     * @param steps the optimizer steps of every candidate together
     */
    record Outcome(StreamMember winner, double validationError, long steps) {
    }
}
