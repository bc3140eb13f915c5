package io.archforge.torch.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.online.DriftDetectors;
import io.archforge.space.ForecastingSpace;
import io.archforge.torch.forecast.ForecastDatasets;
import io.archforge.torch.forecast.ForecastNetworkBuilder;
import io.archforge.torch.forecast.MissingValues;
import io.archforge.torch.forecast.TimeSeries;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OnlineNasTest {

    private static final int LOOKBACK = 48;
    private static final int HORIZON = 12;
    private static final int CHUNK = 24;

    @Test
    void etth1SliceKeepsErrorFinite() throws InterruptedException {
        TimeSeries series = ForecastDatasets.load(ForecastDatasets.byName("etth1"), "OT",
                MissingValues.INTERPOLATE);
        StreamData data = StreamData.of(series, LOOKBACK, HORIZON, 0.2).head(1200);
        OnlineSettings settings = OnlineSettings.defaults(3, 1).withRecentWindows(48);
        List<Integer> progress = new ArrayList<>();

        ReplayResult result;
        try (OnlineNas search = new OnlineNas(data, ForecastingSpace.create(),
                ForecastNetworkBuilder::build, DriftDetectors.create("adwin"), settings,
                OnlineListener.NONE)) {
            result = new StreamReplay(data, CHUNK, LOOKBACK, 0,
                    (row, mae, deployed) -> progress.add(row)).run(search);
            assertThat(search.generations()).isNotEmpty();
        }

        assertThat(result.rows()).isEqualTo(1200);
        assertThat(result.windows()).isEqualTo(1200 - HORIZON + 1 - LOOKBACK);
        assertThat(result.mae()).isFinite().isPositive();
        assertThat(result.mse()).isFinite().isPositive();
        assertThat(result.mase()).isFinite().isPositive();
        assertThat(result.trainingSteps()).isGreaterThan(0);
        assertThat(result.cpuSeconds()).isPositive();
        assertThat(progress).isNotEmpty().last().isEqualTo(1200);
    }

    @Test
    void abruptChangeRaisesSearchEffort() throws InterruptedException {
        int change = 1100;
        StreamData data = StreamData.of(changingSeries(1700, change), LOOKBACK, HORIZON, 0.2);
        OnlineSettings settings = OnlineSettings.defaults(4, 2).withRecentWindows(48);
        List<OnlineListener.Drift> alarms = new ArrayList<>();
        OnlineListener listener = new OnlineListener() {
            @Override
            public void drifted(Drift drift) {
                alarms.add(drift);
            }
        };

        try (OnlineNas search = new OnlineNas(data, ForecastingSpace.create(),
                ForecastNetworkBuilder::build, DriftDetectors.create("page-hinkley"),
                settings, listener)) {
            new StreamReplay(data, CHUNK, LOOKBACK, 0, StreamReplay.Progress.NONE)
                    .run(search);

            // An alarm follows the change within ten chunks.
            assertThat(alarms).anySatisfy(drift -> assertThat(drift.row())
                    .isBetween(change, change + 10 * CHUNK));
            assertThat(search.drifts()).isEqualTo(alarms);
            int firstAlarm = alarms.stream().filter(drift -> drift.row() >= change)
                    .findFirst().orElseThrow().row();
            List<OnlineNas.Generation> before = search.generations().stream()
                    .filter(generation -> generation.row() < firstAlarm).toList();
            List<OnlineNas.Generation> after = search.generations().stream()
                    .filter(generation -> generation.row() > firstAlarm).toList();
            assertThat(before).isNotEmpty();
            assertThat(after).isNotEmpty();
            assertThat(after.get(0).effort()).isPositive();
            assertThat(after.get(0).mutations()).isGreaterThan(1);
            assertThat(after.get(0).children()).isGreaterThan(1);
            assertThat(after.get(after.size() - 1).effort())
                    .isLessThan(after.get(0).effort());
        }
    }

    /**
     * Returns a daily sine whose level jumps and whose noise grows tenfold at {@code change}.
     * The noise cannot be forecast, so every network's error rises after the change.
     */
    private static TimeSeries changingSeries(int rows, int change) {
        SplittableRandom random = new SplittableRandom(5);
        List<LocalDateTime> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0);
        for (int row = 0; row < rows; row++) {
            boolean after = row >= change;
            double level = after ? 2 : 0;
            double noise = (after ? 2.0 : 0.2) * (random.nextDouble() - 0.5);
            values.add(level + Math.sin(2 * Math.PI * row / 24) + noise);
            times.add(start.plusHours(row));
        }
        return new TimeSeries(times, values, "value", "synthetic", 0, MissingValues.INTERPOLATE);
    }
}
