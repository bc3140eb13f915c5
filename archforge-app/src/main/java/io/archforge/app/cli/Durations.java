package io.archforge.app.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code --time-limit} values: a positive whole number with the unit s, m or h. */
final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*([smh])");

    private Durations() {
    }

    /**
     * Parses {@code 90s}, {@code 10m} or {@code 2h}.
     *
     * @throws UsageException naming the text and the expected form
     */
    static Duration parse(String text) {
        Matcher matcher = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new UsageException("invalid --time-limit '" + text
                    + "': expected a positive number with the unit s, m or h, such as 90s, "
                    + "10m or 2h");
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount == 0) {
            throw new UsageException("invalid --time-limit '" + text
                    + "': the limit must be positive, such as 10m");
        }
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** Formats a duration the way {@link #parse} reads it, in the largest whole unit. */
    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
