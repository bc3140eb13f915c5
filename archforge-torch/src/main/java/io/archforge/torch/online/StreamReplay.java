package io.archforge.torch.online;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replays a stream chunk by chunk into a {@link StreamLearner} and scores it
 * prequentially (test, then train). For each chunk of rows {@code [start, end)}, the
 * deployed model forecasts every window whose origin lies in the chunk, using only the
 * windows completed before {@code start}; then the learner receives the chunk and trains
 * on the windows whose forecast rows it completes. A window's error therefore never
 * comes from a model that saw any of its forecast rows.
 */
public final class StreamReplay {

    private final StreamData data;
    private final int chunkRows;
    private final int scoreFrom;
    private final double rowsPerSecond;
    private final Progress progress;

    /**
     * Creates a replay.
     *
     * @param chunkRows rows per chunk, at least 1
     * @param scoreFrom the first origin whose window is scored
     * @param rowsPerSecond the maximum replay rate, or 0 for no limit
     * @param progress receives the progress after each chunk
     * @throws IllegalArgumentException when a setting is out of range
     */
    public StreamReplay(StreamData data, int chunkRows, int scoreFrom, double rowsPerSecond,
            Progress progress) {
        this.data = Objects.requireNonNull(data, "data");
        if (chunkRows < 1 || !(rowsPerSecond >= 0) || scoreFrom < 0) {
            throw new IllegalArgumentException("a replay needs chunkRows >= 1, rowsPerSecond"
                    + " >= 0 and scoreFrom >= 0, got " + chunkRows + ", " + rowsPerSecond
                    + ", " + scoreFrom);
        }
        this.chunkRows = chunkRows;
        this.scoreFrom = scoreFrom;
        this.rowsPerSecond = rowsPerSecond;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Replays the whole stream into {@code learner} and returns the scored errors.
     *
     * @throws InterruptedException when the thread is interrupted during a pause
     */
    public ReplayResult run(StreamLearner learner) throws InterruptedException {
        OperatingSystemMXBean system = (OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = system.getProcessCpuTime();
        long wallStart = System.nanoTime();
        Scores scores = new Scores();
        int trained = data.firstOrigin();
        for (int start = data.firstOrigin(); start < data.rows(); start += chunkRows) {
            int end = Math.min(start + chunkRows, data.rows());

            // Test: forecast the windows whose origins lie in the chunk
            int[] origins = range(start, Math.min(end, data.endOrigin()));
            if (origins.length > 0) {
                scores.add(origins, learner.forecast(origins));
            }

            // Train: the windows whose forecast rows the chunk completes
            int complete = Math.max(trained, Math.min(end - data.horizon() + 1,
                    data.endOrigin()));
            learner.observe(new StreamLearner.Chunk(start, end, trained, complete));
            trained = complete;

            // The rows before the first origin arrive at the same pace as the rest.
            pace(wallStart, end);
            progress.chunk(end, scores.latestMae(), learner.deployed());
        }
        double cpuSeconds = (system.getProcessCpuTime() - cpuStart) / 1e9;
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        return new ReplayResult(data.rows(), scores.origins, scores.absolute, scores.squared,
                data.naiveScale(), learner.trainingSteps(), cpuSeconds, wallSeconds,
                scores.fallbacks, learner.deployed());
    }

    private void pace(long wallStart, int rowsDone) throws InterruptedException {
        if (rowsPerSecond == 0) {
            return;
        }
        long due = wallStart + (long) (rowsDone / rowsPerSecond * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static int[] range(int from, int to) {
        int[] values = new int[Math.max(0, to - from)];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }

    /** The scored windows so far. */
    private final class Scores {
        final List<Integer> origins = new ArrayList<>();
        final List<Double> absolute = new ArrayList<>();
        final List<Double> squared = new ArrayList<>();
        int fallbacks;
        double latest = Double.NaN;

        void add(int[] chunkOrigins, float[] forecasts) {
            int horizon = data.horizon();
            double sum = 0;
            for (int i = 0; i < chunkOrigins.length; i++) {
                int origin = chunkOrigins[i];
                int offset = i * horizon;
                if (!finite(forecasts, offset, horizon)) {
                    naive(forecasts, offset, origin);
                    fallbacks++;
                }
                double error = data.absoluteError(origin, forecasts, offset);
                sum += error;
                if (origin >= scoreFrom) {
                    origins.add(origin);
                    absolute.add(error);
                    squared.add(data.squaredError(origin, forecasts, offset));
                }
            }
            latest = sum / chunkOrigins.length;
        }

        double latestMae() {
            return latest;
        }

        private boolean finite(float[] values, int offset, int count) {
            for (int i = offset; i < offset + count; i++) {
                if (!Float.isFinite(values[i])) {
                    return false;
                }
            }
            return true;
        }

        /** Replaces a window's forecast by the last input value, repeated. */
        private void naive(float[] forecasts, int offset, int origin) {
            java.util.Arrays.fill(forecasts, offset, offset + data.horizon(),
                    data.value(origin - 1));
        }
    }

    /** Receives the replay's progress after each chunk. */
    @FunctionalInterface
    public interface Progress {

        /** Ignores the progress. */
        Progress NONE = (row, chunkMae, deployed) -> {
        };

        /**
         * Receives the progress after one chunk.
         *
         * @param row the rows that have arrived
         * @param chunkMae the deployed model's mean absolute error over the chunk's windows
         * @param deployed the architecture deployed after the chunk
         */
        void chunk(int row, double chunkMae, String deployed);
    }
}
