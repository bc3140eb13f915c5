package io.archforge.app.config;

import io.archforge.app.cli.UsageException;
import java.util.Collection;
import java.util.Optional;

/**
 * Builds the errors of YAML study configurations and space definitions. Each message
 * starts with the file and line, as in {@code study.yaml line 4: ...}, and the command
 * exits with the bad-input status.
 */
public final class ConfigErrors {

    /** Keys further than this many edits from every valid key get no suggestion. */
    private static final int MAX_SUGGESTION_DISTANCE = 3;

    private ConfigErrors() {
    }

    /** Returns the error for the value at {@code node}. */
    public static UsageException at(ConfigNode node, String message) {
        return new UsageException(node.where() + ": " + message);
    }

    /** Returns the error for an unknown {@code key} of {@code section}, with the closest key. */
    public static UsageException unknownKey(ConfigNode node, String key, String section,
            Collection<String> valid) {
        String hint = closest(key, valid).map(k -> "; did you mean '" + k + "'?")
                .orElse("; valid keys are " + String.join(", ", valid.stream().sorted()
                        .toList()));
        return at(node, "unknown key '" + key + "' in " + section + hint);
    }

    /** Returns the valid key nearest to {@code key} by edit distance, if one is near. */
    public static Optional<String> closest(String key, Collection<String> valid) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            int distance = distance(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int limit = Math.min(MAX_SUGGESTION_DISTANCE, Math.max(1, key.length() / 2));
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** Returns the Levenshtein distance, with a swap of two neighbours counting as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + cost);
                boolean swapped = i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1);
                if (swapped) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
