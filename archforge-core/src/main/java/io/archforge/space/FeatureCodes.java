package io.archforge.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Packs integer feature vectors three bits per entry into {@code long} words, so the
 * number of differing entries of two vectors is a few XOR, OR and bit counts per word.
 * Each position maps the values its members take to codes 0 to 6, and any other value
 * to 7, which differs from every member's code.
 */
final class FeatureCodes {

    private static final int BITS = 3;
    private static final int PER_WORD = Long.SIZE / BITS;
    private static final int UNSEEN = 7;
    /** The lowest bit of every three-bit field. */
    private static final long LOW_BITS = lowBits();

    private final List<List<Integer>> values;
    private final int words;

    private FeatureCodes(List<List<Integer>> values) {
        this.values = values;
        this.words = (values.size() + PER_WORD - 1) / PER_WORD;
    }

    /**
     * Returns the codes of {@code members}, or empty when a position takes more than seven
     * values or the vectors differ in length.
     */
    static Optional<FeatureCodes> of(int[][] members) {
        int length = members.length == 0 ? 0 : members[0].length;
        List<List<Integer>> values = new ArrayList<>(length);
        for (int position = 0; position < length; position++) {
            values.add(new ArrayList<>());
        }
        for (int[] member : members) {
            if (member.length != length) {
                return Optional.empty();
            }
            for (int position = 0; position < length; position++) {
                List<Integer> seen = values.get(position);
                if (!seen.contains(member[position])) {
                    if (seen.size() == UNSEEN) {
                        return Optional.empty();
                    }
                    seen.add(member[position]);
                }
            }
        }
        return Optional.of(new FeatureCodes(values));
    }

    private static long lowBits() {
        long bits = 0;
        for (int field = 0; field < PER_WORD; field++) {
            bits |= 1L << (BITS * field);
        }
        return bits;
    }

    /** Returns the number of words per packed vector. */
    int words() {
        return words;
    }

    /** Packs {@code features} into {@code target} from index {@code offset}. */
    void pack(int[] features, long[] target, int offset) {
        for (int word = 0; word < words; word++) {
            target[offset + word] = 0;
        }
        for (int position = 0; position < values.size(); position++) {
            int index = position < features.length
                    ? values.get(position).indexOf(features[position]) : -1;
            long code = index < 0 ? UNSEEN : index;
            target[offset + position / PER_WORD] |= code << (BITS * (position % PER_WORD));
        }
    }

    /**
     * Counts the differing entries of the vectors packed at {@code a[aOffset]} and
     * {@code b[bOffset]}, stopping once the count passes {@code limit}.
     */
    int distance(long[] a, int aOffset, long[] b, int bOffset, int limit) {
        int count = 0;
        for (int word = 0; word < words && count <= limit; word++) {
            long x = a[aOffset + word] ^ b[bOffset + word];
            count += Long.bitCount((x | x >>> 1 | x >>> 2) & LOW_BITS);
        }
        return count;
    }
}
