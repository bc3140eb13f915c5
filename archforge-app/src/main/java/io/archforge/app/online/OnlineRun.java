package io.archforge.app.online;

import io.archforge.torch.online.OnlineListener;
import io.archforge.torch.online.ReplayResult;
import io.archforge.torch.online.StreamData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one {@code archforge online} run, as a JSON object and as a text
 * summary.
 *
 * @param dataset the data set as the command line names it
 * @param detector the drift detector's name
 * @param population the number of networks
 * @param data the replayed stream
 * @param result the prequential errors and compute
 * @param swaps every change of the deployed architecture
 * @param drifts every drift alarm
 */
record OnlineRun(String dataset, String detector, int population, StreamData data,
        ReplayResult result, List<OnlineListener.Swap> swaps,
        List<OnlineListener.Drift> drifts) {

    OnlineRun {
        swaps = List.copyOf(swaps);
        drifts = List.copyOf(drifts);
    }

    /** Returns the JSON object: keys dataset, rows, mae, mse, mase, swaps, drifts, compute. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", dataset);
        json.put("rows", result.rows());
        json.put("windows", result.windows());
        json.put("lookback", data.lookback());
        json.put("horizon", data.horizon());
        json.put("detector", detector);
        json.put("population", population);
        json.put("mae", result.mae());
        json.put("mse", result.mse());
        json.put("mase", result.mase());
        json.put("deployed", result.deployed());
        json.put("swaps", swaps.stream().map(OnlineRun::swap).toList());
        json.put("drifts", drifts.stream().map(OnlineRun::drift).toList());
        Map<String, Object> compute = new LinkedHashMap<>();
        compute.put("training_steps", result.trainingSteps());
        compute.put("cpu_seconds", result.cpuSeconds());
        compute.put("wall_seconds", result.wallSeconds());
        json.put("compute", compute);
        json.put("naive_fallbacks", result.fallbacks());
        return json;
    }

    /** Returns the text summary, several lines ending with a line break. */
    String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Streamed %d rows of %s (%d windows, "
                + "lookback %d, horizon %d, population %d, detector %s).%n", result.rows(),
                dataset, result.windows(), data.lookback(), data.horizon(), population,
                detector));
        text.append(String.format(Locale.ROOT, "Prequential error (standardised): MAE %.4f,"
                + " MSE %.4f, MASE %.3f.%n", result.mae(), result.mse(), result.mase()));
        text.append(String.format(Locale.ROOT, "Swaps: %d; drift alarms: %d.%n", swaps.size(),
                drifts.size()));
        text.append(String.format(Locale.ROOT, "Compute: %d training steps, %.1f CPU s, "
                + "%.1f s elapsed.%n", result.trainingSteps(), result.cpuSeconds(),
                result.wallSeconds()));
        if (result.fallbacks() > 0) {
            text.append(String.format(Locale.ROOT, "%d windows were forecast naively because"
                    + " the deployed network returned a non-finite value.%n",
                    result.fallbacks()));
        }
        text.append("Deployed at the end: ").append(result.deployed()).append('\n');
        return text.toString();
    }

    private static Map<String, Object> swap(OnlineListener.Swap swap) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("row", swap.row());
        json.put("timestamp", swap.timestamp().toString());
        json.put("from", swap.from());
        json.put("to", swap.to());
        json.put("deployed_mae", swap.deployedError());
        json.put("challenger_mae", swap.challengerError());
        return json;
    }

    private static Map<String, Object> drift(OnlineListener.Drift drift) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("row", drift.row());
        json.put("timestamp", drift.timestamp().toString());
        json.put("detector", drift.detector());
        json.put("deployed_mae", drift.deployedError());
        return json;
    }
}
