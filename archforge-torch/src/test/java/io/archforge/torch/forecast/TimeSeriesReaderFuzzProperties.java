package io.archforge.torch.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.fuzz.CleanFailures;
import io.archforge.fuzz.Deadline;
import io.archforge.fuzz.FuzzTries;
import io.archforge.fuzz.Mutations;
import io.archforge.fuzz.TempFolders;
import io.archforge.torch.data.GzipBomb;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Fuzzes {@link TimeSeriesReader} with the heads of the bundled time-series files,
 * generated files, mutations of both and random text, read as text and as plain or
 * gzipped files (cut short at random). Each input either reads into a series with
 * strictly increasing times and finite values, or fails with a
 * {@link TimeSeriesFormatException} that names the file.
 */
@AddLifecycleHook(FuzzTries.class)
class TimeSeriesReaderFuzzProperties {

    private static final String SOURCE = "fuzz-series.csv";
    private static final String ALPHABET = "0123456789-/:., \"\nT+eNAaOTdtimy";

    /** The bundled files, with the target column each test of them reads. */
    private static final List<List<String>> BUNDLED = List.of(
            List.of("ETTh1.csv.gz", "OT"), List.of("exchange_rate.csv.gz", "OT"),
            List.of("national_illness.csv.gz", "OT"),
            List.of("PRSA_data_2010.1.1-2014.12.31.csv.gz", "pm2.5"));

    private static final Path FOLDER = TempFolders.create("archforge-series-fuzz");

    /** How an input reaches the reader. */
    enum Channel {
        STREAM, FILE, GZIP_FILE, CUT_GZIP_FILE
    }

    /** One input; prints abbreviated in jqwik's report. */
    record CsvInput(String text, String target, MissingValues repair, Channel channel) {
        @Override
        public String toString() {
            return channel + " target " + target + " " + repair + ": "
                    + Mutations.abbreviate(text);
        }
    }

    @AfterContainer
    static void deleteFolder() {
        TempFolders.deleteQuietly(FOLDER);
    }

    @Property(tries = 400)
    void fuzzedCsvReadsOrFailsCleanly(@ForAll("inputs") CsvInput input) {
        Deadline.Outcome<TimeSeries> outcome = Deadline.run(input.toString(),
                () -> read(input));
        CleanFailures.collect(outcome);

        if (outcome.returned()) {
            TimeSeries series = outcome.value();
            assertThat(series.size()).isPositive();
            for (int i = 1; i < series.size(); i++) {
                assertThat(series.timestamps().get(i)).isAfter(series.timestamps().get(i - 1));
            }
            assertThat(series.values()).allMatch(Double::isFinite, "is finite");
        } else {
            String message = CleanFailures.requireDocumented(outcome,
                    TimeSeriesFormatException.class, input.toString());
            assertThat(message).contains(SOURCE);
        }
        CleanFailures.requireAllocatedAtMost(outcome, 200L * input.text().length() + (8 << 20),
                input.toString());
    }

    @Property(tries = 6)
    void endlessLineFailsCleanly(@ForAll("prefixes") String prefix) throws IOException {
        Path file = Files.createTempDirectory(FOLDER, "endless").resolve(SOURCE + ".gz");
        Files.write(file, GzipBomb.repeated(prefix.getBytes(StandardCharsets.UTF_8),
                (byte) '7', 3L << 30));

        Deadline.Outcome<TimeSeries> outcome = Deadline.run(prefix,
                () -> TimeSeriesReader.read(file, "OT", MissingValues.INTERPOLATE));

        String message = CleanFailures.requireDocumented(outcome,
                TimeSeriesFormatException.class, prefix);
        assertThat(message).contains(SOURCE).contains("longer than");
        CleanFailures.requireAllocatedAtMost(outcome, 64L << 20, prefix);
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("", "date,OT\n", "date,OT\n2016-07-01 00:00:00,1.5\n",
                "date,OT\n2016-07-01 00:00:00,1.5\n2016-07-01 01:00:00,",
                "year,month,day,hour,OT\n", "date,OT\n\n\n");
    }

    @Provide
    Arbitrary<CsvInput> inputs() {
        Arbitrary<String> seeds = Arbitraries.oneOf(Arbitraries.of(bundledHeads()),
                generated());
        return Combinators.combine(Mutations.around(seeds, ALPHABET),
                Arbitraries.of("OT", "OT", "pm2.5", "value", "date", ""),
                Arbitraries.of(MissingValues.class), Arbitraries.of(Channel.class))
                .as(CsvInput::new);
    }

    /** Returns generated files: a date column or year/month/day/hour columns, with gaps. */
    private static Arbitrary<String> generated() {
        Arbitrary<List<Double>> ordinary = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.doubles().between(-1e6, 1e6)),
                Tuple.of(1, Arbitraries.just(Double.NaN)))
                .list().ofMinSize(1).ofMaxSize(30);
        // Gaps between the largest finite values of either sign.
        Arbitrary<List<Double>> extreme = Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE,
                1e308, -1e308, Double.MIN_VALUE, 0.0, Double.NaN, Double.NaN)
                .list().ofMinSize(1).ofMaxSize(30);
        Arbitrary<List<Double>> values = Arbitraries.frequencyOf(Tuple.of(3, ordinary),
                Tuple.of(1, extreme));
        return Combinators.combine(values, Arbitraries.integers().between(1, 48),
                Arbitraries.of(false, true), Arbitraries.of(false, true))
                .as(TimeSeriesReaderFuzzProperties::csv);
    }

    private static String csv(List<Double> values, int stepHours, boolean dateParts,
            boolean quoted) {
        StringBuilder text = new StringBuilder(dateParts ? "No,year,month,day,hour,OT\n"
                : (quoted ? "\"date\",\"OT\"\n" : "date,OT\n"));
        LocalDateTime time = LocalDateTime.of(2016, 7, 1, 0, 0);
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            // A gap is written as NA or left empty, in turn.
            String gap = i % 2 == 0 ? "NA" : "";
            String field = Double.isNaN(value) ? gap : Double.toString(value);
            if (dateParts) {
                text.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,", i + 1, time.getYear(),
                        time.getMonthValue(), time.getDayOfMonth(), time.getHour()));
            } else {
                text.append(time.toString().replace('T', ' ')).append(',');
            }
            text.append(quoted ? "\"" + field + "\"" : field).append('\n');
            time = time.plusHours(stepHours);
        }
        return text.toString();
    }

    /** Returns the first 40 lines of each bundled file. */
    private static List<String> bundledHeads() {
        List<String> heads = new ArrayList<>();
        for (List<String> file : BUNDLED) {
            try (InputStream raw = ForecastDatasets.class.getResourceAsStream(file.get(0));
                    BufferedReader reader = new BufferedReader(new InputStreamReader(
                            new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
                heads.add(String.join("\n", reader.lines().limit(40).toList()) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return heads;
    }

    private static TimeSeries read(CsvInput input) throws IOException {
        byte[] bytes = input.text().getBytes(StandardCharsets.UTF_8);
        if (input.channel() == Channel.STREAM) {
            return TimeSeriesReader.read(new ByteArrayInputStream(bytes), SOURCE,
                    input.target(), input.repair());
        }
        Path folder = Files.createTempDirectory(FOLDER, "try");
        boolean gzipped = input.channel() != Channel.FILE;
        Path file = folder.resolve(gzipped ? SOURCE + ".gz" : SOURCE);
        byte[] content = gzipped ? gzip(bytes) : bytes;
        if (input.channel() == Channel.CUT_GZIP_FILE) {
            content = Arrays.copyOf(content, content.length * 2 / 3);
        }
        Files.write(file, content);
        return TimeSeriesReader.read(file, input.target(), input.repair());
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
