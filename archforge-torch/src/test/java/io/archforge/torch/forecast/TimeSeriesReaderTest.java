package io.archforge.torch.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesReaderTest {

    @TempDir
    Path folder;

    private Path write(String text) throws IOException {
        Path file = folder.resolve("series.csv");
        Files.writeString(file, text);
        return file;
    }

    private TimeSeries read(String text) throws IOException {
        return TimeSeriesReader.read(write(text), "OT", MissingValues.INTERPOLATE);
    }

    @Test
    void readsDateColumnAndTarget() throws IOException {
        TimeSeries series = read("date,HUFL,OT\n2016-07-01 00:00:00,5.8,30.5\n"
                + "2016-07-01 01:00:00,5.6,27.7\n");

        assertThat(series.values()).containsExactly(30.5, 27.7);
        assertThat(series.timestamps()).containsExactly(LocalDateTime.of(2016, 7, 1, 0, 0),
                LocalDateTime.of(2016, 7, 1, 1, 0));
        assertThat(series.column()).isEqualTo("OT");
        assertThat(series.missing()).isZero();
    }

    @Test
    void readsSlashDatesAndQuotes() throws IOException {
        TimeSeries series = read("\"date\",\"OT\"\n1990/1/1 0:00,\"0.5\"\n1990/1/2 0:00,0.6\n");

        assertThat(series.values()).containsExactly(0.5, 0.6);
        assertThat(series.timestamps().get(1)).isEqualTo(LocalDateTime.of(1990, 1, 2, 0, 0));
    }

    @Test
    void interpolatesGapsLinearly() throws IOException {
        TimeSeries series = read("date,OT\n2020-01-01,NA\n2020-01-02,1\n2020-01-03,\n"
                + "2020-01-04,\n2020-01-05,4\n2020-01-06,na\n");

        assertThat(series.values()).containsExactly(1.0, 1.0, 2.0, 3.0, 4.0, 4.0);
        assertThat(series.missing()).isEqualTo(4);
    }

    @Test
    void repeatedColumnNameIsRefused() throws IOException {
        Path file = write("date,load,load\n2020-01-01,1,2\n2020-01-02,3,4\n");

        assertThatThrownBy(() -> TimeSeriesReader.read(file, "load", MissingValues.DROP))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 1 names column 'load' twice (fields 2 and 3)");
    }

    @Test
    void emptyFileNamesFile() throws IOException {
        Path file = write("");

        assertThatThrownBy(() -> TimeSeriesReader.read(file, "OT", MissingValues.DROP))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is empty");
    }

    @Test
    void headerWithoutRowsIsRejected() {
        assertThatThrownBy(() -> read("date,OT\n"))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining("no rows");
    }

    @Test
    void missingTargetListsColumns() {
        assertThatThrownBy(() -> read("date,HUFL,LULL\n2020-01-01,1,2\n"))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("no column 'OT'")
                .hasMessageContaining("[date, HUFL, LULL]");
    }

    @Test
    void nonNumericValueNamesLine() {
        assertThatThrownBy(() -> read("date,OT\n2020-01-01,1\n2020-01-02,abc\n"))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("'abc'")
                .hasMessageContaining("not a finite number");
    }

    @Test
    void duplicateTimestampNamesBothLines() {
        assertThatThrownBy(() -> read("date,OT\n2020-01-01,1\n2020-01-02,2\n2020-01-02,3\n"))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("repeats line 3");
    }

    @Test
    void outOfOrderTimestampIsRejected() {
        assertThatThrownBy(() -> read("date,OT\n2020-01-02,1\n2020-01-01,2\n"))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("earlier than 2020-01-02T00:00")
                .hasMessageContaining("sort the rows");
    }

    @Test
    void invalidTimestampNamesValue() {
        assertThatThrownBy(() -> read("date,OT\n2020-01-01,1\nyesterday,2\n"))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("'yesterday'");
    }

    @Test
    void shortRowNamesLine() {
        assertThatThrownBy(() -> read("date,HUFL,OT\n2020-01-01,1,2\n2020-01-02,3\n"))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining("line 3 has 2 fields");
    }

    @Test
    void missingTimeColumnIsRejected() {
        assertThatThrownBy(() -> read("step,OT\n1,1\n2,2\n"))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining("no time column");
    }

    @Test
    void allMissingTargetIsRejected() {
        assertThatThrownBy(() -> read("date,OT\n2020-01-01,\n2020-01-02,NA\n"))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining("all 2 are empty or NA");
    }

    @Test
    void absentFileNamesPath() {
        Path file = folder.resolve("absent.csv");

        assertThatThrownBy(() -> TimeSeriesReader.read(file, "OT", MissingValues.DROP))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void tooFewRowsForWindowIsRejected() throws IOException {
        StringBuilder text = new StringBuilder("date,OT\n");
        for (int day = 1; day <= 20; day++) {
            text.append(String.format("2020-01-%02d,%d%n", day, day));
        }
        TimeSeries series = read(text.toString());

        assertThatThrownBy(() -> ForecastData.prepare(series, new SplitRule.Fractions(0.7, 0.2),
                12, 4))
                .isInstanceOf(TimeSeriesFormatException.class)
                .hasMessageContaining("14 training rows, fewer than lookback 12 plus horizon 4");
    }
}
