package io.archforge.torch.forecast;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.archforge.torch.train.DjlRuntime;

/**
 * The errors of a forecast over a set of windows, averaged over every window and step,
 * on the standardised scale.
 *
 * @param mae the mean absolute error
 * @param mse the mean squared error
 * @param mase the mean absolute error divided by the training rows' one-step naive MAE
 */
public record ForecastErrors(double mae, double mse, double mase) {

    private static final int BATCH = 512;

    public ForecastErrors {
        if (!(mae >= 0) || !(mse >= 0) || !(mase >= 0)) {
            throw new IllegalArgumentException("errors must be non-negative numbers, got mae "
                    + mae + ", mse " + mse + " and mase " + mase);
        }
    }

    /**
     * Measures {@code network} on all {@code windows}, in inference mode with autograd off.
     *
     * @param naiveScale the denominator of MASE, from {@link ForecastData#naiveScale()}
     */
    public static ForecastErrors measure(Block network, NDManager manager,
            ForecastWindows windows, double naiveScale) {
        boolean previous = DjlRuntime.setGradMode(false);
        try {
            ParameterStore parameters = new ParameterStore(manager, false);
            int[] order = windows.order();
            double absolute = 0;
            double squared = 0;
            for (int start = 0; start < order.length; start += BATCH) {
                int count = Math.min(BATCH, order.length - start);
                try (NDManager batch = manager.newSubManager()) {
                    NDArray inputs = windows.inputs(batch, order, start, count);
                    NDArray targets = windows.targets(batch, order, start, count);
                    NDArray forecast = network.forward(parameters, new NDList(inputs), false)
                            .singletonOrThrow();
                    NDArray error = forecast.sub(targets);
                    absolute += error.abs().sum().getFloat();
                    squared += error.square().sum().getFloat();
                }
            }
            return of(absolute, squared, (long) order.length * windows.horizon(), naiveScale);
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /**
     * Measures the naive forecast that repeats each window's last input value over the
     * horizon.
     */
    public static ForecastErrors naive(ForecastWindows windows, double naiveScale) {
        double absolute = 0;
        double squared = 0;
        for (int window = 0; window < windows.size(); window++) {
            int start = windows.start(window);
            float last = windows.value(start - 1);
            for (int step = 0; step < windows.horizon(); step++) {
                double error = windows.value(start + step) - last;
                absolute += Math.abs(error);
                squared += error * error;
            }
        }
        return of(absolute, squared, (long) windows.size() * windows.horizon(), naiveScale);
    }

    private static ForecastErrors of(double absolute, double squared, long count,
            double naiveScale) {
        double mae = absolute / count;
        return new ForecastErrors(mae, squared / count, mae / naiveScale);
    }
}
