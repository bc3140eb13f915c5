package io.archforge.app.online;

import io.archforge.torch.online.ReplayResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One method's replay of one stream in {@code bench online}.
 *
 * @param dataset the stream's name
 * @param method the method: naive, static, periodic or online
 * @param result the prequential errors and the steps of the replay
 * @param cpuSeconds the process CPU time of the method, its searches included
 * @param events the swaps (online) or searches (periodic and static) of the method
 * @param drifts the drift alarms (online only)
 */
record BenchRun(String dataset, String method, ReplayResult result, double cpuSeconds,
        int events, int drifts) {

    /** Returns the mean window error over the last {@code width} windows, for each window. */
    List<Double> rolling(int width) {
        List<Double> errors = result.absoluteErrors();
        List<Double> rolling = new ArrayList<>(errors.size());
        double sum = 0;
        for (int i = 0; i < errors.size(); i++) {
            sum += errors.get(i);
            if (i >= width) {
                sum -= errors.get(i - width);
            }
            rolling.add(sum / Math.min(i + 1, width));
        }
        return rolling;
    }
}
