package io.archforge.app.domain.forecast;

import io.archforge.app.cli.UsageException;
import io.archforge.app.domain.DomainRequest;
import io.archforge.app.output.TextTable;
import io.archforge.torch.forecast.ForecastBaselines;
import io.archforge.torch.forecast.ForecastBaselines.Result;
import io.archforge.torch.forecast.ForecastData;
import io.archforge.torch.forecast.ForecastErrors;
import io.archforge.torch.forecast.ForecastEvaluator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints the validation and test errors of the naive last-value forecast and of the
 * linear baseline, with and without RevIN, on a forecasting data set. The linear
 * baselines train with the same trainer as a search trial, by default with the same
 * window budget and epochs, once per seed, each with the learning rate of the lowest
 * validation MSE. Run it as {@code archforge bench forecast-baselines --dataset etth1}.
 */
@Command(name = "forecast-baselines", mixinStandardHelpOptions = true,
        description = "Print the errors of the naive and linear forecasts on a forecasting"
                + " data set.")
public final class ForecastBaselineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME",
            description = "etth1, etth2, exchange, illness, pm25 or csv:FILE.")
    String dataset;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The column to forecast (default: the data set's).")
    String target;

    @Option(names = "--missing", paramLabel = "interpolate|drop",
            description = "Repair of empty target values (default: interpolate).")
    String missing;

    @Option(names = "--lookback", paramLabel = "N", description = "Input steps (default: 96).")
    Integer lookback;

    @Option(names = "--horizon", paramLabel = "N",
            description = "Forecast steps (default: 24).")
    Integer horizon;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Training epochs (default: the search's, 3).")
    Integer epochs;

    @Option(names = "--max-windows", paramLabel = "N",
            defaultValue = "" + ForecastEvaluator.DEFAULT_MAX_WINDOWS,
            description = "Maximum training windows per epoch, as in a search trial"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxWindows;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3",
            description = "Seeds 0 to N-1 of each linear baseline (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--learning-rates", split = ",", paramLabel = "LR",
            defaultValue = "0.001,0.003,0.01,0.03",
            description = "Learning rates tried per seed (default: ${DEFAULT-VALUE}).")
    List<Double> learningRates;

    @Override
    public Integer call() {
        if (seeds < 1) {
            throw new UsageException("invalid --seeds " + seeds + ": use 1 or more");
        }
        if (maxWindows < 1) {
            throw new UsageException("invalid --max-windows " + maxWindows
                    + ": use 1 or more");
        }
        ForecastSettings settings = ForecastSettings.fromOptions(new ForecastDomain()
                .parse(request()).evaluatorOptions());
        ForecastData data = ForecastDomain.data(settings);

        // The naive forecast, then each linear baseline once per seed
        List<Result> results = new ArrayList<>();
        results.add(ForecastBaselines.naive(data));
        for (boolean revin : new boolean[] {false, true}) {
            for (int seed = 0; seed < seeds; seed++) {
                results.add(ForecastBaselines.linear(data, revin, settings.epochs(),
                        maxWindows, learningRates, seed));
            }
        }
        print(settings, results);
        return 0;
    }

    private DomainRequest request() {
        Map<String, String> options = new LinkedHashMap<>();
        Optional.ofNullable(target).ifPresent(value -> options.put("--target", value));
        Optional.ofNullable(missing).ifPresent(value -> options.put("--missing", value));
        Optional.ofNullable(lookback).ifPresent(value -> options.put("--lookback",
                value.toString()));
        Optional.ofNullable(horizon).ifPresent(value -> options.put("--horizon",
                value.toString()));
        Map<String, Object> training = new LinkedHashMap<>();
        Optional.ofNullable(epochs).ifPresent(value -> training.put("--epochs", value));
        return new DomainRequest(Optional.empty(), dataset, Optional.empty(),
                Optional.empty(), options, training);
    }

    private void print(ForecastSettings settings, List<Result> results) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, target %s, lookback %d, horizon %d, standardised"
                + " errors%n", settings.dataset(), settings.target(), settings.lookback(),
                settings.horizon());
        TextTable table = new TextTable(List.of("baseline", "val MSE", "val MAE", "test MSE",
                "test MAE", "test MASE", "params", "recipe"));
        for (Result result : results) {
            ForecastErrors validation = result.validation();
            ForecastErrors test = result.test();
            table.add(List.of(result.name(), decimal(validation.mse()),
                    decimal(validation.mae()), decimal(test.mse()), decimal(test.mae()),
                    decimal(test.mase()), Long.toString(result.params()), result.recipe()));
        }
        out.print(table.render());
        out.flush();
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
