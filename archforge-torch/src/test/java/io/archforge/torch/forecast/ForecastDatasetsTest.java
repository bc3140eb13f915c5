package io.archforge.torch.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.torch.forecast.ChronologicalSplit.Part;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ForecastDatasetsTest {

    private static TimeSeries load(String name, MissingValues repair) {
        ForecastDataset dataset = ForecastDatasets.byName(name);
        return ForecastDatasets.load(dataset, dataset.defaultTarget(), repair);
    }

    @Test
    void pm25InterpolatesAllGaps() {
        TimeSeries series = load("pm25", MissingValues.INTERPOLATE);

        assertThat(series.missing()).isEqualTo(2067);
        assertThat(series.size()).isEqualTo(43824);
        assertThat(series.values()).allMatch(value -> !value.isNaN());
        assertThat(series.column()).isEqualTo("pm2.5");
    }

    @Test
    void pm25DropLeavesKnownRows() {
        TimeSeries series = load("pm25", MissingValues.DROP);

        assertThat(series.missing()).isEqualTo(2067);
        assertThat(series.size()).isEqualTo(43824 - 2067);
        // The first 24 hours are missing, so the series starts on the second day
        assertThat(series.timestamps().get(0).getDayOfMonth()).isEqualTo(2);
        long gaps = 0;
        for (int i = 1; i < series.size(); i++) {
            Duration step = Duration.between(series.timestamps().get(i - 1),
                    series.timestamps().get(i));
            gaps += step.toHours() > 1 ? 1 : 0;
        }
        assertThat(gaps).isPositive();
    }

    @Test
    void etth1SplitsTwelveFourFour() {
        TimeSeries series = load("etth1", MissingValues.INTERPOLATE);
        ForecastData data = ForecastData.prepare(series, ForecastDatasets.byName("etth1")
                .split(), 96, 24);

        assertThat(series.size()).isEqualTo(17420);
        assertThat(data.split().rows(Part.TRAIN)).isEqualTo(8640);
        assertThat(data.split().rows(Part.VALIDATION)).isEqualTo(2880);
        assertThat(data.split().rows(Part.TEST)).isEqualTo(2880);
        assertThat(data.windows(Part.TRAIN, 1).size()).isEqualTo(8640 - 96 - 24 + 1);
        assertThat(data.windows(Part.VALIDATION, 1).size()).isEqualTo(2880 - 24 + 1);
        assertThat(data.windows(Part.TEST, 1).start(0)).isEqualTo(8640 + 2880);
    }

    @Test
    void illnessSplitsBySharesOfRows() {
        TimeSeries series = load("illness", MissingValues.INTERPOLATE);
        ChronologicalSplit split = ForecastDatasets.byName("illness").split()
                .apply(series.size(), series.source());

        assertThat(series.size()).isEqualTo(966);
        assertThat(split.rows(Part.TRAIN)).isEqualTo(676);
        assertThat(split.rows(Part.TEST)).isEqualTo(193);
        assertThat(split.rows(Part.VALIDATION)).isEqualTo(966 - 676 - 193);
    }

    @Test
    void trainingRowsAreStandardised() {
        ForecastData data = ForecastData.prepare(load("exchange", MissingValues.INTERPOLATE),
                ForecastDatasets.byName("exchange").split(), 96, 24);
        double sum = 0;
        double squares = 0;
        int rows = data.split().trainEnd();
        for (int row = 0; row < rows; row++) {
            sum += data.value(row);
            squares += data.value(row) * data.value(row);
        }

        assertThat(sum / rows).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(squares / rows).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void naiveOneStepHasUnitMase() {
        ForecastData data = ForecastData.prepare(load("etth2", MissingValues.INTERPOLATE),
                ForecastDatasets.byName("etth2").split(), 1, 1);

        ForecastErrors train = ForecastErrors.naive(data.windows(Part.TRAIN, 1),
                data.naiveScale());
        ForecastErrors test = ForecastErrors.naive(data.windows(Part.TEST, 1),
                data.naiveScale());

        assertThat(train.mase()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(test.mase()).isNotCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void unknownNameListsNames() {
        assertThatThrownBy(() -> ForecastDatasets.byName("etth3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("etth1")
                .hasMessageContaining("csv:FILE");
    }

    @Test
    void horizonLongerThanTestIsRejected() {
        TimeSeries series = load("illness", MissingValues.INTERPOLATE);

        assertThatThrownBy(() -> ForecastData.prepare(series,
                ForecastDatasets.byName("illness").split(), 24, 120))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining("97 validation rows, fewer than horizon 120");
    }
}
