package io.archforge.torch.forecast;

import io.archforge.torch.data.LineLimitReader;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one numeric column of a CSV time-series file, with a header line, into a
 * {@link TimeSeries}.
 *
 * <p>Each row's time comes from the columns that {@link TimestampColumns} finds, and the
 * times must increase strictly from row to row. An empty target field or {@code NA} (in
 * any case) is a missing value, repaired as the given {@link MissingValues} specifies.
 * Any other target value must be a number. Other columns are not read. Fields may be
 * quoted with double quotes. A file whose name ends in {@code .gz} is decompressed. A
 * line may have at most {@link LineLimitReader#DEFAULT_MAX_CHARS} characters.
 */
public final class TimeSeriesReader {

    private static final Logger LOG = LoggerFactory.getLogger(TimeSeriesReader.class);

    private TimeSeriesReader() {
    }

    /**
     * Reads column {@code target} of the CSV file {@code file}.
     *
     * @throws TimeSeriesFormatException naming the file, line and value at fault
     */
    public static TimeSeries read(Path file, String target, MissingValues repair) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz")
                        ? new GZIPInputStream(raw) : raw) {
            return read(in, source, target, repair);
        } catch (NoSuchFileException e) {
            throw new TimeSeriesFormatException("time-series file " + source
                    + " does not exist; check the path", e);
        } catch (EOFException e) {
            throw new TimeSeriesFormatException("time-series file " + source + " is"
                    + " truncated: its gzip stream ends early; copy the file again", e);
        } catch (IOException e) {
            throw new TimeSeriesFormatException("cannot read time-series file " + source + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads column {@code target} of CSV text.
     *
     * @param source the file name that messages and the series name
     * @throws TimeSeriesFormatException naming the source, line and value at fault
     * @throws IOException when the stream cannot be read
     */
    public static TimeSeries read(InputStream in, String source, String target,
            MissingValues repair) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(repair, "repair");
        BufferedReader reader = new BufferedReader(new LineLimitReader(new InputStreamReader(in,
                StandardCharsets.UTF_8), LineLimitReader.DEFAULT_MAX_CHARS));

        // Header: the target and the time columns
        String headerLine = reader.readLine();
        if (headerLine == null || headerLine.isBlank()) {
            throw new TimeSeriesFormatException("time-series file " + source + " is empty;"
                    + " it needs a header line and one row per time step");
        }
        List<String> header = CsvFields.split(stripBom(headerLine));
        requireDistinctNames(header, source);
        int column = targetColumn(header, source, target);
        TimestampColumns time = TimestampColumns.find(header).orElseThrow(() ->
                new TimeSeriesFormatException("time-series file " + source + " line 1 has no"
                        + " time column: name one " + String.join(", ",
                        TimestampColumns.DATE_NAMES) + ", or give year, month, day and hour"
                        + " columns; the header is " + header));

        // Rows: times in order, target values or gaps
        Rows rows = readRows(reader, source, header.size(), column, time);
        if (rows.times.isEmpty()) {
            throw new TimeSeriesFormatException("time-series file " + source + " has a header"
                    + " but no rows; it needs one row per time step");
        }
        if (rows.missing == rows.times.size()) {
            throw new TimeSeriesFormatException("time-series file " + source + " has no"
                    + " value in column '" + header.get(column) + "': all "
                    + rows.missing + " are empty or NA; choose another --target column");
        }
        return repair(rows, source, header.get(column), repair);
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Refuses a header that names one column twice, since either could be meant. */
    private static void requireDistinctNames(List<String> header, String source) {
        // A map rather than a pairwise check, which took 115 s on a header of 100,000
        // fields.
        Map<String, Integer> fields = new HashMap<>();
        for (int j = 0; j < header.size(); j++) {
            Integer i = fields.putIfAbsent(header.get(j).strip(), j);
            if (i != null) {
                throw new TimeSeriesFormatException("time-series file " + source
                        + " line 1 names column '" + header.get(j).strip() + "' twice"
                        + " (fields " + (i + 1) + " and " + (j + 1) + "); give each"
                        + " column its own name");
            }
        }
    }

    private static int targetColumn(List<String> header, String source, String target) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equals(target)) {
                return i;
            }
        }
        throw new TimeSeriesFormatException("time-series file " + source + " line 1 has no"
                + " column '" + target + "'; its columns are " + header
                + "; choose one with --target");
    }

    private static Rows readRows(BufferedReader reader, String source, int columns,
            int column, TimestampColumns time) throws IOException {
        Rows rows = new Rows();
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = CsvFields.split(line);
            if (fields.size() != columns) {
                throw new TimeSeriesFormatException("time-series file " + source + " line "
                        + lineNumber + " has " + fields.size() + " fields, but the header has "
                        + columns + "; fix the row");
            }
            rows.add(readTime(fields, time, source, lineNumber), lineNumber, source);
            rows.addValue(readValue(fields.get(column), source, lineNumber));
        }
        return rows;
    }

    private static LocalDateTime readTime(List<String> fields, TimestampColumns time,
            String source, int lineNumber) {
        try {
            return time.read(fields);
        } catch (IllegalArgumentException e) {
            throw new TimeSeriesFormatException("time-series file " + source + " line "
                    + lineNumber + ": " + e.getMessage(), e);
        }
    }

    /** Returns the value of a target field, or NaN when the field is empty or NA. */
    private static double readValue(String field, String source, int lineNumber) {
        String text = field.strip();
        if (text.isEmpty() || text.toUpperCase(Locale.ROOT).equals("NA")) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the line and the value
        }
        throw new TimeSeriesFormatException("time-series file " + source + " line "
                + lineNumber + ": target value '" + text + "' is not a finite number; write a"
                + " number, or leave the field empty (or NA) to mark it missing");
    }

    private static TimeSeries repair(Rows rows, String source, String column,
            MissingValues repair) {
        double[] values = rows.values.stream().mapToDouble(Double::doubleValue).toArray();
        List<LocalDateTime> times = rows.times;
        if (rows.missing > 0) {
            if (repair == MissingValues.INTERPOLATE) {
                LinearInterpolation.fill(values);
            } else {
                List<LocalDateTime> knownTimes = new ArrayList<>();
                double[] known = new double[values.length - rows.missing];
                int next = 0;
                for (int i = 0; i < values.length; i++) {
                    if (!Double.isNaN(values[i])) {
                        knownTimes.add(times.get(i));
                        known[next++] = values[i];
                    }
                }
                times = knownTimes;
                values = known;
            }
            LOG.info("{}: {} of {} values of column '{}' are missing; {}", source,
                    rows.missing, rows.times.size(), column,
                    repair == MissingValues.INTERPOLATE ? "interpolated linearly"
                            : "their rows dropped");
        }
        List<Double> boxed = new ArrayList<>(values.length);
        for (double value : values) {
            boxed.add(value);
        }
        return new TimeSeries(times, boxed, column, source, rows.missing, repair);
    }

    /** The rows read so far: times checked for order, values with NaN for gaps. */
    private static final class Rows {
        private final List<LocalDateTime> times = new ArrayList<>();
        private final List<Integer> lines = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();
        private int missing;

        void add(LocalDateTime time, int lineNumber, String source) {
            if (!times.isEmpty()) {
                int last = times.size() - 1;
                LocalDateTime previous = times.get(last);
                if (time.equals(previous)) {
                    throw new TimeSeriesFormatException("time-series file " + source + " line "
                            + lineNumber + ": timestamp " + time + " repeats line "
                            + lines.get(last) + "; remove the duplicate row");
                }
                if (time.isBefore(previous)) {
                    throw new TimeSeriesFormatException("time-series file " + source + " line "
                            + lineNumber + ": timestamp " + time + " is earlier than " + previous
                            + " on line " + lines.get(last) + "; sort the rows by time");
                }
            }
            times.add(time);
            lines.add(lineNumber);
        }

        void addValue(double value) {
            values.add(value);
            if (Double.isNaN(value)) {
                missing++;
            }
        }
    }
}
