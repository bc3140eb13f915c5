package io.archforge.torch.forecast;

import java.util.Objects;

/**
 * A time series bundled with this module.
 *
 * @param name the name that {@code --dataset} gives, such as {@code etth1}
 * @param resource the gzip-compressed CSV file, relative to this package
 * @param defaultTarget the column forecast when none is chosen
 * @param split how the rows divide into training, validation and test rows
 * @param description the origin of the data, for provenance
 */
public record ForecastDataset(String name, String resource, String defaultTarget,
        SplitRule split, String description) {

    public ForecastDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(defaultTarget, "defaultTarget");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(description, "description");
    }
}
