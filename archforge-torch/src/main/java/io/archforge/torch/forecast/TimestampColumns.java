package io.archforge.torch.forecast;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a CSV header that give each row its time: one date column named
 * {@code date}, {@code datetime}, {@code timestamp} or {@code time}, or the separate
 * columns {@code year}, {@code month}, {@code day} and, optionally, {@code hour}.
 *
 * <p>A date column may be written as {@code 2016-07-01 00:00:00}, {@code 2016-07-01
 * 00:00}, {@code 2016-07-01T00:00:00}, {@code 2016-07-01}, or with slashes and unpadded
 * fields, as in {@code 1990/1/1 0:00}.
 */
final class TimestampColumns {

    /** The accepted names of a single date column, compared without case. */
    static final List<String> DATE_NAMES = List.of("date", "datetime", "timestamp", "time");

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .appendPattern("[-][/]")
            .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NEVER)
            .appendPattern("[-][/]")
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NEVER)
            .optionalStart().appendPattern("[ ]['T']")
            .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, java.time.format.SignStyle.NEVER)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalEnd().optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter(Locale.ROOT);

    private final int date;
    private final int year;
    private final int month;
    private final int day;
    private final int hour;

    private TimestampColumns(int date, int year, int month, int day, int hour) {
        this.date = date;
        this.year = year;
        this.month = month;
        this.day = day;
        this.hour = hour;
    }

    /** Finds the time columns of {@code header}, or returns empty when it has none. */
    static Optional<TimestampColumns> find(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            if (DATE_NAMES.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(new TimestampColumns(i, -1, -1, -1, -1));
            }
        }
        int year = indexOf(header, "year");
        int month = indexOf(header, "month");
        int day = indexOf(header, "day");
        if (year < 0 || month < 0 || day < 0) {
            return Optional.empty();
        }
        return Optional.of(new TimestampColumns(-1, year, month, day,
                indexOf(header, "hour")));
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads the time of one row.
     *
     * @throws IllegalArgumentException naming the value that is not a valid time
     */
    LocalDateTime read(List<String> fields) {
        if (date >= 0) {
            String text = fields.get(date).strip();
            try {
                return LocalDateTime.parse(text, FORMAT);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid timestamp '" + text
                        + "': write it as yyyy-MM-dd HH:mm:ss, yyyy-MM-dd or yyyy/M/d H:mm", e);
            }
        }
        String text = fields.get(year) + "-" + fields.get(month) + "-" + fields.get(day)
                + (hour >= 0 ? " " + fields.get(hour) + "h" : "");
        try {
            return LocalDateTime.of(Integer.parseInt(fields.get(year).strip()),
                    Integer.parseInt(fields.get(month).strip()),
                    Integer.parseInt(fields.get(day).strip()),
                    hour >= 0 ? Integer.parseInt(fields.get(hour).strip()) : 0, 0);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("invalid date '" + text
                    + "' in the year, month, day and hour columns", e);
        }
    }

    /** Describes the columns, for messages. */
    String describe() {
        return date >= 0 ? "column " + (date + 1) : "the year, month, day and hour columns";
    }
}
