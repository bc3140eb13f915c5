package io.archforge.app.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the repeatable {@code --strategy-option KEY=VALUE} and
 * {@code --scheduler-option KEY=VALUE} of {@code search} into an ordered map. It checks
 * only the form; the strategy or scheduler checks keys and ranges.
 */
final class StrategyOptionParser {

    private StrategyOptionParser() {
    }

    /**
     * Parses {@code texts}, which may be null for none.
     *
     * @throws UsageException for a text without {@code =}, an empty key or value, or a
     *     key given twice
     */
    static Map<String, String> parse(List<String> texts) {
        return parse(texts, "--strategy-option", "population=20");
    }

    /**
     * Parses {@code texts} given to {@code option}, as {@link #parse(List)} does; the
     * messages name the option and show {@code example}.
     */
    static Map<String, String> parse(List<String> texts, String option, String example) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (texts == null) {
            return Collections.unmodifiableMap(parsed);
        }
        for (String text : texts) {
            int equals = text.indexOf('=');
            String key = equals < 0 ? "" : text.substring(0, equals).strip();
            String value = equals < 0 ? "" : text.substring(equals + 1).strip();
            if (key.isEmpty() || value.isEmpty()) {
                throw new UsageException("invalid " + option + " '" + text
                        + "': expected KEY=VALUE, such as " + example);
            }
            if (parsed.putIfAbsent(key, value) != null) {
                throw new UsageException(option + " names '" + key
                        + "' twice; give each key once");
            }
        }
        return Collections.unmodifiableMap(parsed);
    }
}
