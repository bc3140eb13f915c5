package io.archforge.app.domain.forecast;

import io.archforge.app.cli.UsageException;
import io.archforge.app.domain.Domain;
import io.archforge.app.domain.DomainRequest;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.provenance.DataInput;
import io.archforge.space.ForecastingSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.Objective;
import io.archforge.torch.forecast.ForecastData;
import io.archforge.torch.forecast.ForecastDatasets;
import io.archforge.torch.forecast.ForecastEvaluator;
import io.archforge.torch.forecast.MissingValues;
import io.archforge.torch.forecast.TimeSeriesFormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Univariate time-series forecasting: {@code --dataset etth1|etth2|exchange|illness|pm25}
 * (bundled, see {@link ForecastDatasets}) or {@code --dataset csv:FILE --target COLUMN}.
 * Each trial trains a network of the {@value ForecastingSpace#NAME} space with DJL on the
 * standardised target column and reports its errors ({@link ForecastEvaluator}).
 *
 * <p>Options: {@code --target} (default {@code OT}, or {@code pm2.5} for pm25), {@code
 * --missing interpolate|drop} (default interpolate), {@code --lookback} (default 96),
 * {@code --horizon} (default 24) and {@code --epochs} (default
 * {@value ForecastSettings#DEFAULT_EPOCHS}). The space searches the batch size and the
 * learning rate, so {@code --batch-size} and {@code --learning-rate} are rejected, as are
 * the image counts. The default objective is {@code mse:min}.
 */
public final class ForecastDomain implements Domain {

    /** The evaluator name stored with a study. */
    public static final String EVALUATOR = "forecasting";

    private static final String TARGET = "--target";
    private static final String MISSING = "--missing";
    private static final String LOOKBACK = "--lookback";
    private static final String HORIZON = "--horizon";
    private static final String EPOCHS = "--epochs";
    private static final List<String> OPTIONS = List.of(TARGET, MISSING, LOOKBACK, HORIZON);

    @Override
    public String evaluator() {
        return EVALUATOR;
    }

    @Override
    public boolean claims(DomainRequest request) {
        return request.benchmark().isEmpty()
                && (ForecastDatasets.names().contains(request.dataset())
                        || request.dataset().startsWith(ForecastSettings.PREFIX));
    }

    @Override
    public DatasetSpec.Domain parse(DomainRequest request) {
        rejectUnused(request);
        String dataset = request.dataset();
        Optional<Path> file = Optional.empty();
        if (dataset.startsWith(ForecastSettings.PREFIX)) {
            file = Optional.of(file(dataset));
            dataset = ForecastSettings.PREFIX + file.get();
        }
        ForecastSettings settings = new ForecastSettings(dataset, file,
                target(request, file.isPresent()), missing(request),
                positive(request.option(LOOKBACK), LOOKBACK, ForecastSettings.DEFAULT_LOOKBACK),
                positive(request.option(HORIZON), HORIZON, ForecastSettings.DEFAULT_HORIZON),
                epochs(request));

        // Read and split the series now, so bad input fails before the study starts
        data(settings);
        return spec(settings);
    }

    private static void rejectUnused(DomainRequest request) {
        request.device().filter(device -> !device.equals(DatasetSpec.LOCAL_DEVICE))
                .ifPresent(device -> {
                    throw new UsageException("--device " + device + " does not apply to"
                            + " --dataset " + request.dataset() + ", whose latency is measured"
                            + " on this machine; drop --device");
                });
        request.data().ifPresent(data -> {
            throw new UsageException("--data " + data + " does not apply to --dataset "
                    + request.dataset() + "; give a CSV file as --dataset csv:FILE instead");
        });
        request.requireDomainOptionsAmong(OPTIONS);
        for (String option : request.training().keySet()) {
            if (!option.equals(EPOCHS)) {
                throw new UsageException(option + " " + request.training().get(option)
                        + " does not apply to --dataset " + request.dataset() + ": forecasting"
                        + " trains on windows of the series, and the " + ForecastingSpace.NAME
                        + " space searches the batch size and learning rate; use only "
                        + EPOCHS);
            }
        }
    }

    private static Path file(String dataset) {
        String name = dataset.substring(ForecastSettings.PREFIX.length());
        if (name.isBlank()) {
            throw new UsageException("--dataset " + dataset + " names no file: use"
                    + " --dataset csv:FILE --target COLUMN with a CSV file");
        }
        return Path.of(name).toAbsolutePath().normalize();
    }

    private static String target(DomainRequest request, boolean file) {
        Optional<String> target = request.option(TARGET);
        if (target.isPresent()) {
            if (target.get().isBlank()) {
                throw new UsageException("--target is empty: name the column to forecast");
            }
            return target.get();
        }
        if (file) {
            throw new UsageException("--dataset " + request.dataset() + " needs --target"
                    + " COLUMN: name the column of the file to forecast");
        }
        return ForecastDatasets.byName(request.dataset()).defaultTarget();
    }

    private static MissingValues missing(DomainRequest request) {
        String value = request.option(MISSING).orElse(MissingValues.INTERPOLATE.key());
        try {
            return MissingValues.of(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --missing '" + value + "': use interpolate (fill"
                    + " gaps linearly) or drop (remove their rows)", e);
        }
    }

    private static int epochs(DomainRequest request) {
        int epochs = request.trainingOption(EPOCHS).map(value -> ((Number) value).intValue())
                .orElse(ForecastSettings.DEFAULT_EPOCHS);
        if (epochs < 1) {
            throw new UsageException("invalid " + EPOCHS + " " + epochs + ": use 1 or more");
        }
        return epochs;
    }

    private static int positive(Optional<String> text, String option, int fallback) {
        if (text.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw new UsageException("invalid " + option + " '" + text.get()
                    + "': use a whole number of steps, such as " + fallback, e);
        }
        if (value < 1) {
            throw new UsageException("invalid " + option + " " + value + ": use 1 or more"
                    + " steps, such as " + fallback);
        }
        return value;
    }

    private static DatasetSpec.Domain spec(ForecastSettings settings) {
        String label = settings.file().map(file -> DomainRequest.fileLabel("csv", file))
                .orElse(settings.dataset());
        return new DatasetSpec.Domain(EVALUATOR, settings.toOptions(), label,
                settings.dataset(), ForecastingSpace.NAME, false);
    }

    @Override
    public DatasetSpec.Domain restore(Map<String, String> options) {
        return spec(ForecastSettings.fromOptions(options));
    }

    @Override
    public EvaluatorFactory.Setup create(DatasetSpec.Domain spec, SearchSpace space) {
        ForecastSettings settings;
        try {
            settings = ForecastSettings.fromOptions(spec.evaluatorOptions());
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid forecasting evaluator settings: "
                    + e.getMessage(), e);
        }
        String searched = space.unrestricted().name();
        if (!searched.equals(ForecastingSpace.NAME)) {
            throw new UsageException("--space " + searched + " does not fit --dataset "
                    + settings.dataset() + ", which trains forecasting networks; use --space "
                    + ForecastingSpace.NAME + " or drop --space");
        }
        EvaluatorFactory.requireEngineCache();
        ForecastData data = data(settings);
        ForecastEvaluator evaluator = ForecastEvaluator.standard(data, settings.epochs());
        return new EvaluatorFactory.Setup(evaluator, Optional.of(data.source()));
    }

    /** Lists the series' file: the {@code csv:} file or the shipped resource. */
    @Override
    public List<DataInput> dataInputs(DatasetSpec.Domain spec) {
        ForecastSettings settings;
        try {
            settings = ForecastSettings.fromOptions(spec.evaluatorOptions());
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid forecasting evaluator settings: "
                    + e.getMessage(), e);
        }
        if (settings.file().isPresent()) {
            return List.of(DataInput.file(settings.file().get()));
        }
        return List.of(DataInput.resource(ForecastDatasets.class,
                ForecastDatasets.byName(settings.dataset()).resource()));
    }

    /** Reads, splits and standardises the series, turning bad input into a usage error. */
    static ForecastData data(ForecastSettings settings) {
        try {
            return ForecastData.prepare(settings.series(), settings.split(),
                    settings.lookback(), settings.horizon());
        } catch (TimeSeriesFormatException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** Returns {@code mse:min}. */
    @Override
    public List<Objective> defaultObjectives(DatasetSpec.Domain spec) {
        return List.of(Objective.minimize("mse"));
    }
}
