package io.archforge.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of the bad input a parser meets: valid texts, the same texts with a few
 * edits, and random text. An edit deletes, inserts, swaps or replaces characters,
 * truncates the text, repeats a part, or replaces a number by a huge, negative or
 * non-finite one. Inserted text includes long runs of one piece or of numbered items.
 * Edits are values, so jqwik shrinks a failing input to the fewest and smallest edits.
 */
public final class Mutations {

    /** Tokens that break parsers: numbers at the limits, separators, quotes, odd characters. */
    private static final List<String> TOKENS = List.of(
            "0", "-0", "-1", "1", "+1", "007", "0x1F", "1_000", "1e3", "1e309", "-1e309",
            "4.9e-324", "2147483647", "2147483648", "-2147483649", "4294967296",
            "9223372036854775807", "9223372036854775808", "99999999999999999999999",
            "NaN", "Infinity", "-Infinity", ".nan", ".inf", "null", "~", "true", "",
            ",", ",,", "|", "~", "=", "+", ":", ";", "@", "/", "//", "?", "#", "%", "%zz",
            "\"", "\"\"", "'", "\\", "\n", "\r\n", "\r", "\t", " ", "\u0000", "\u0007",
            "\u00e9", "\u00ff", "\ud83d\ude00", "\ud800", "\ufeff", "\u202e", "\uffff",
            "- ", ": ", "{", "}", "[", "]", "&a ", "*a", "!!str ", "---\n", "...",
            "<<: ", "? ", "T", "-", ".", "e");

    private static final List<String> RUNS = List.of("a", "9", ",", "[", "{a: ", "- ",
            "-", ".", " ", "\n", "|", "~0", "\"", "\u00e9");

    private Mutations() {
    }

    /** The kinds of edit. */
    public enum Kind {
        DELETE, INSERT, REPLACE, SWAP, TRUNCATE, DUPLICATE, NUMBER
    }

    /**
     * One edit of a text. Positions and lengths are reduced modulo the text's length when
     * the edit is applied, so any edit applies to any text.
     *
     * @param kind what the edit does
     * @param position where it applies
     * @param length how many characters it covers
     * @param payload the text it inserts, for the kinds that insert one
     */
    public record Edit(Kind kind, int position, int length, String payload) {

        /** Returns {@code text} with this edit applied. */
        public String apply(String text) {
            int at = text.isEmpty() ? 0 : Math.floorMod(position, text.length() + 1);
            int end = Math.min(text.length(), at + length);
            return switch (kind) {
                case DELETE -> text.substring(0, at) + text.substring(end);
                case INSERT -> text.substring(0, at) + payload + text.substring(at);
                case REPLACE -> text.substring(0, at) + payload + text.substring(end);
                case SWAP -> swap(text, at, end);
                case TRUNCATE -> text.substring(0, at);
                case DUPLICATE -> text.substring(0, end) + text.substring(at, end)
                        + text.substring(end);
                case NUMBER -> replaceNumber(text, at, payload);
            };
        }

        private static String swap(String text, int at, int end) {
            if (at >= text.length() || end >= text.length() || at == end) {
                return text;
            }
            char[] chars = text.toCharArray();
            char first = chars[at];
            chars[at] = chars[end];
            chars[end] = first;
            return new String(chars);
        }

        /** Replaces the first run of digits at or after {@code at} with {@code number}. */
        private static String replaceNumber(String text, int at, String number) {
            int start = at;
            while (start < text.length() && !Character.isDigit(text.charAt(start))) {
                start++;
            }
            if (start == text.length()) {
                return text;
            }
            int end = start;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            return text.substring(0, start) + number + text.substring(end);
        }
    }

    /**
     * Returns the input mix of a fuzz property: a valid seed in one case out of five,
     * a mutated seed in three, random text in one.
     */
    public static Arbitrary<String> around(Arbitrary<String> seeds, String alphabet) {
        return Arbitraries.frequencyOf(
                Tuple.of(1, seeds),
                Tuple.of(3, mutated(seeds)),
                Tuple.of(1, random(alphabet)));
    }

    /** Returns {@link #around(Arbitrary, String)} over a fixed list of valid texts. */
    public static Arbitrary<String> around(List<String> seeds, String alphabet) {
        return around(Arbitraries.of(seeds), alphabet);
    }

    /** Returns seeds with one to four edits each. */
    public static Arbitrary<String> mutated(Arbitrary<String> seeds) {
        return Combinators.combine(seeds, edits().list().ofMinSize(1).ofMaxSize(4))
                .as((seed, edits) -> {
                    String text = seed;
                    for (Edit edit : edits) {
                        text = edit.apply(text);
                    }
                    return text;
                });
    }

    /** Returns single edits, mostly short, sometimes covering a long stretch. */
    public static Arbitrary<Edit> edits() {
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(1, 8)),
                Tuple.of(2, Arbitraries.integers().between(9, 2_000)));
        // Formats put their header first, so one edit in three lands near the start.
        Arbitrary<Integer> positions = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(0, 64)),
                Tuple.of(2, Arbitraries.integers().between(0, 1 << 20)));
        return Combinators.combine(Arbitraries.of(Kind.class), positions, lengths, payloads())
                .as(Edit::new);
    }

    /** Returns the texts that edits insert: tokens, short random text, long runs, numbers. */
    public static Arbitrary<String> payloads() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(TOKENS)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(6)),
                Tuple.of(1, longRuns()),
                Tuple.of(1, numberedRuns()),
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.doubles().map(String::valueOf)));
    }

    /** Returns one short piece repeated a thousand to two hundred thousand times. */
    public static Arbitrary<String> longRuns() {
        return Combinators.combine(Arbitraries.of(RUNS),
                Arbitraries.integers().between(1_000, 200_000)).as(String::repeat);
    }

    /**
     * Returns a thousand to a hundred thousand distinct numbered items joined by one
     * separator, such as {@code c0,c1,c2}: wide headers, long lists, many keys.
     */
    public static Arbitrary<String> numberedRuns() {
        return Combinators.combine(Arbitraries.of("c", "", "k"),
                Arbitraries.of(",", " ", "|", "\n", ": 1\n", ",\n"),
                Arbitraries.integers().between(1_000, 100_000))
                .as((prefix, separator, count) -> {
                    StringBuilder run = new StringBuilder();
                    for (int i = 0; i < count; i++) {
                        run.append(i > 0 ? separator : "").append(prefix).append(i);
                    }
                    return run.toString();
                });
    }

    /**
     * Returns random text: over {@code alphabet} (the characters of the format) in two cases
     * out of three, over all characters in the third.
     */
    public static Arbitrary<String> random(String alphabet) {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.strings().withChars(alphabet).ofMaxLength(300)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(300)));
    }

    /** Returns the start of {@code text} for messages: at most 200 characters, escaped. */
    public static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        String head = text.length() > 200 ? text.substring(0, 200) + "... (" + text.length()
                + " characters)" : text;
        StringBuilder escaped = new StringBuilder("'");
        for (char c : head.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.append('\'').toString();
    }
}
