package io.archforge.torch.forecast;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * The bundled time series, by the name {@code --dataset} gives. Each is the unmodified
 * CSV file, gzip-compressed; the NOTICE file of this module names sources and licences.
 */
public final class ForecastDatasets {

    /** The hourly rows of 30-day months, in the ETT split of 12 / 4 / 4 months. */
    private static final SplitRule ETT_SPLIT = new SplitRule.Rows(12 * 30 * 24, 4 * 30 * 24,
            4 * 30 * 24);
    /** The 70 / 10 / 20 percent split of the other series. */
    private static final SplitRule SHARE_SPLIT = new SplitRule.Fractions(0.7, 0.2);

    private static final List<ForecastDataset> ALL = List.of(
            new ForecastDataset("etth1", "ETTh1.csv.gz", "OT", ETT_SPLIT,
                    "ETTh1, hourly electricity transformer data 2016-07 to 2018-06"),
            new ForecastDataset("etth2", "ETTh2.csv.gz", "OT", ETT_SPLIT,
                    "ETTh2, hourly electricity transformer data 2016-07 to 2018-06"),
            new ForecastDataset("exchange", "exchange_rate.csv.gz", "OT", SHARE_SPLIT,
                    "daily exchange rates of 8 currencies 1990 to 2010"),
            new ForecastDataset("illness", "national_illness.csv.gz", "OT", SHARE_SPLIT,
                    "weekly US influenza-like illness 2002 to 2020"),
            new ForecastDataset("pm25", "PRSA_data_2010.1.1-2014.12.31.csv.gz", "pm2.5",
                    SHARE_SPLIT, "hourly Beijing PM2.5 at the US embassy 2010 to 2014"));

    private ForecastDatasets() {
    }

    /** Returns the names of the bundled series. */
    public static List<String> names() {
        return ALL.stream().map(ForecastDataset::name).toList();
    }

    /**
     * Returns the bundled series named {@code name}.
     *
     * @throws IllegalArgumentException naming the valid names when there is none of that name
     */
    public static ForecastDataset byName(String name) {
        Objects.requireNonNull(name, "name");
        return ALL.stream().filter(dataset -> dataset.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown forecasting data set '"
                        + name + "'; valid names are " + names() + ", or csv:FILE"));
    }

    /**
     * Reads column {@code target} of a bundled series.
     *
     * @throws TimeSeriesFormatException when the column is missing or invalid
     */
    public static TimeSeries load(ForecastDataset dataset, String target, MissingValues repair) {
        String source = dataset.name() + " (bundled " + dataset.resource() + ")";
        InputStream raw = ForecastDatasets.class.getResourceAsStream(dataset.resource());
        if (raw == null) {
            throw new IllegalStateException("bundled resource " + dataset.resource()
                    + " is missing from the archforge-torch jar");
        }
        try (InputStream in = new GZIPInputStream(raw)) {
            return TimeSeriesReader.read(in, source, target, repair);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource "
                    + dataset.resource(), e);
        }
    }
}
