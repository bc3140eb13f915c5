package io.archforge.torch.online;

/**
 * A forecaster that learns from a replayed stream, driven by {@link StreamReplay}: for
 * each chunk of arriving rows it first forecasts the windows whose origins lie in the
 * chunk, then learns from the windows whose forecast rows the chunk completes.
 */
public interface StreamLearner extends AutoCloseable {

    /**
     * Returns the deployed model's forecasts of the windows at {@code origins}, {@code
     * horizon} values per window one after the other. Every origin is at or after the
     * start of the chunk that {@link #observe} receives next, so the forecasts use no
     * row at or after their origins.
     */
    float[] forecast(int[] origins);

    /** Learns from one chunk of arrived rows. */
    void observe(Chunk chunk);

    /** Returns the canonical string form of the deployed architecture. */
    String deployed();

    /** Returns the optimizer steps taken so far by every network of the learner. */
    long trainingSteps();

    /** Frees every network. */
    @Override
    void close();

    /**
     * A chunk of arrived rows {@code [start, end)}; its arrival completes the forecast
     * rows of the windows at origins {@code [firstWindow, endWindow)}, which no learner has
     * trained on yet. Every origin before {@code endWindow} is complete.
     *
     * @param start the chunk's first row
     * @param end the row after the chunk
     * @param firstWindow the first newly complete origin
     * @param endWindow the origin after the last newly complete one
     */
    record Chunk(int start, int end, int firstWindow, int endWindow) {
        public Chunk {
            if (start < 0 || end <= start || firstWindow > endWindow) {
                throw new IllegalArgumentException("invalid chunk: rows [" + start + ", "
                        + end + "), windows [" + firstWindow + ", " + endWindow + ")");
            }
        }

        /** Returns the number of newly complete windows. */
        public int newWindows() {
            return endWindow - firstWindow;
        }
    }
}
