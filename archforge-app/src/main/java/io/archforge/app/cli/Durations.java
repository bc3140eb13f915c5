package io.archforge.app.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code --time-limit} values: a positive whole number with the unit s, m or h. */
final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses {@code 90s}, {@code 10m} or {@code 2h} given to {@code --time-limit}.
     *
     * @throws UsageException naming the text and the expected form
     */
    static Duration parse(String text) {
        return parse(text, "--time-limit");
    }

    /**
     * Parses {@code 500ms}, {@code 90s}, {@code 10m} or {@code 2h} given to {@code option}.
     *
     * @throws UsageException naming the option, the text and the expected form
     */
    static Duration parse(String text, String option) {
        Matcher matcher = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new UsageException("invalid " + option + " '" + text
                    + "': expected a positive number with the unit ms, s, m or h, such as "
                    + "500ms, 90s, 10m or 2h");
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount == 0) {
            throw new UsageException("invalid " + option + " '" + text
                    + "': the duration must be positive, such as 10m");
        }
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** Formats a duration the way {@link #parse} reads it, in the largest whole unit. */
    static String format(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
