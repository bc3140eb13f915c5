package io.archforge.torch.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.fuzz.CleanFailures;
import io.archforge.fuzz.Deadline;
import io.archforge.fuzz.FuzzTries;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Fuzzes {@link IdxReader} with valid IDX files, mutated ones (header fields set to
 * huge, negative or overflowing counts, bytes flipped, inserted or cut, gzip applied
 * before or after) and random bytes. Every pair of files either reads into a dataset
 * that matches its headers or fails with a {@link DataFileException} naming the file,
 * and no file makes the reader allocate much more than its content.
 */
@AddLifecycleHook(FuzzTries.class)
class IdxReaderFuzzProperties {

    private static final String IMAGES = "fuzz-images-idx3-ubyte";
    private static final String LABELS = "fuzz-labels-idx1-ubyte";

    /** Header values at and around the limits of a signed 32-bit count. */
    private static final List<Integer> COUNTS = List.of(0, 1, 2, 3, 28, 255, 256, 46_341,
            65_536, 1 << 20, 1 << 24, Integer.MAX_VALUE, Integer.MAX_VALUE - 8,
            Integer.MIN_VALUE, -1, -28, 0x803, 0x801, 0x08000803);

    /** Heap a parse may allocate beyond four times the decoded content: buffers, messages. */
    private static final long ALLOCATION_SLACK = 4L << 20;

    /** The zeros after the header of a gzip bomb: 3 GiB, more than a Java array holds. */
    private static final long BOMB_BYTES = 3L << 30;

    /** One pair of files as they are read; prints as the start of each in hex. */
    record IdxPair(byte[] images, byte[] labels) {
        @Override
        public String toString() {
            return "images " + head(images) + ", labels " + head(labels);
        }

        private static String head(byte[] bytes) {
            byte[] start = Arrays.copyOf(bytes, Math.min(bytes.length, 24));
            return bytes.length + " bytes [" + HexFormat.ofDelimiter(" ").formatHex(start)
                    + (bytes.length > 24 ? " ..." : "") + "]";
        }
    }

    /** The kinds of byte edit. */
    enum Kind {
        SET_INT, FLIP, INSERT, DELETE, TRUNCATE, APPEND
    }

    /**
     * One edit of a file's bytes, at a position reduced modulo the file's length.
     *
     * @param kind what the edit does
     * @param position where it applies; header fields sit at 0, 4, 8 and 12
     * @param value the 32-bit value, the flipped bits or the count of bytes added
     */
    record ByteEdit(Kind kind, int position, int value) {

        byte[] apply(byte[] bytes) {
            int at = bytes.length == 0 ? 0 : Math.floorMod(position, bytes.length + 1);
            return switch (kind) {
                case SET_INT -> setInt(bytes, at);
                case FLIP -> flip(bytes, at);
                case INSERT -> splice(bytes, at, 0, filler(Math.floorMod(value, 64) + 1));
                case DELETE -> splice(bytes, at, Math.floorMod(value, 64) + 1, new byte[0]);
                case TRUNCATE -> Arrays.copyOf(bytes, at);
                case APPEND -> splice(bytes, bytes.length, 0,
                        filler(Math.floorMod(value, 5_000) + 1));
            };
        }

        /** Writes {@code value} at a header field when {@code position} is small. */
        private byte[] setInt(byte[] bytes, int at) {
            int field = position < 16 ? (position / 4) * 4 : at;
            if (field + 4 > bytes.length) {
                return bytes;
            }
            byte[] copy = bytes.clone();
            ByteBuffer.wrap(copy).putInt(field, value);
            return copy;
        }

        private byte[] flip(byte[] bytes, int at) {
            if (at >= bytes.length) {
                return bytes;
            }
            byte[] copy = bytes.clone();
            copy[at] ^= (byte) (value | 1);
            return copy;
        }

        private byte[] filler(int count) {
            byte[] bytes = new byte[count];
            Arrays.fill(bytes, (byte) value);
            return bytes;
        }

        private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
            int end = Math.min(bytes.length, at + removed);
            byte[] result = new byte[at + inserted.length + bytes.length - end];
            System.arraycopy(bytes, 0, result, 0, at);
            System.arraycopy(inserted, 0, result, at, inserted.length);
            System.arraycopy(bytes, end, result, at + inserted.length, bytes.length - end);
            return result;
        }
    }

    @Property(tries = 400)
    void fuzzedFilesReadOrFailCleanly(@ForAll("pairs") IdxPair pair) {
        Deadline.Outcome<ImageDataset> outcome = Deadline.run(pair.toString(),
                () -> IdxReader.read(IMAGES, new ByteArrayInputStream(pair.images()),
                        LABELS, new ByteArrayInputStream(pair.labels())));
        CleanFailures.collect(outcome);

        if (outcome.returned()) {
            ImageDataset data = outcome.value();
            int[] header = header(decoded(pair.images()), 3);
            assertThat(data.size()).isEqualTo(header[0]);
            assertThat(data.rows()).isEqualTo(header[1]);
            assertThat(data.columns()).isEqualTo(header[2]);
        } else {
            String message = CleanFailures.requireDocumented(outcome, DataFileException.class,
                    pair.toString());
            assertThat(message).containsAnyOf(IMAGES, LABELS);
        }
        long content = decoded(pair.images()).length + decoded(pair.labels()).length;
        CleanFailures.requireAllocatedAtMost(outcome, 4 * content + ALLOCATION_SLACK,
                pair.toString());
    }

    @Property(tries = 200)
    void hugeHeaderFailsBeforeAllocation(@ForAll("hugeHeaders") IdxPair pair) {
        Deadline.Outcome<ImageDataset> outcome = Deadline.run(pair.toString(),
                () -> IdxReader.read(IMAGES, new ByteArrayInputStream(pair.images()),
                        LABELS, new ByteArrayInputStream(pair.labels())));
        CleanFailures.collect(outcome);

        String message = CleanFailures.requireDocumented(outcome, DataFileException.class,
                pair.toString());
        assertThat(message).contains(IMAGES);
        long content = decoded(pair.images()).length + decoded(pair.labels()).length;
        CleanFailures.requireAllocatedAtMost(outcome, 4 * content + ALLOCATION_SLACK,
                pair.toString());
    }

    /** Returns pairs of which the image file, the label file or both are fuzzed. */
    @Property(tries = 10)
    void gzipBombFailsWithoutInflating(@ForAll @IntRange(min = 0, max = 1_000) int count) {
        byte[] header = idx(0x803, new int[] {count, 28, 28}, new byte[0]);
        byte[] bomb = GzipBomb.zeros(header, BOMB_BYTES);
        IdxPair pair = new IdxPair(bomb, gzip(idx(0x801, new int[] {count}, new byte[count])));

        Deadline.Outcome<ImageDataset> outcome = Deadline.run(pair.toString(),
                () -> IdxReader.read(IMAGES, new ByteArrayInputStream(pair.images()),
                        LABELS, new ByteArrayInputStream(pair.labels())));

        String message = CleanFailures.requireDocumented(outcome, DataFileException.class,
                pair.toString());
        assertThat(message).contains(IMAGES).contains("after the " + count * 784 + " values");
        CleanFailures.requireAllocatedAtMost(outcome, 8L * count * 784 + ALLOCATION_SLACK
                + 8L * bomb.length, pair.toString());
    }

    @Provide
    Arbitrary<IdxPair> pairs() {
        return Combinators.combine(Arbitraries.integers().between(0, 6),
                Arbitraries.of(0, 1, 2)).flatAs((count, fuzzed) -> Combinators.combine(
                        fuzzed == 1 ? plain(images(count)) : files(images(count)),
                        fuzzed == 0 ? plain(labels(count)) : files(labels(count)))
                .as(IdxPair::new));
    }

    /**
     * Returns pairs whose image header declares far more values than the file contains:
     * three counts of 46,341 or more, so at least 10^14 values, over at most 64 KiB of
     * zeros, which gzip shrinks to a few hundred bytes.
     */
    @Provide
    Arbitrary<IdxPair> hugeHeaders() {
        Arbitrary<Integer> big = Arbitraries.of(46_341, 65_536, 1 << 20, Integer.MAX_VALUE,
                Integer.MAX_VALUE - 8);
        return Combinators.combine(big, big, big, Arbitraries.integers().between(0, 1 << 16),
                Arbitraries.of(false, true)).as((count, rows, columns, bodySize, gzipped) -> {
                    byte[] file = idx(0x803, new int[] {count, rows, columns},
                            new byte[bodySize]);
                    byte[] labels = idx(0x801, new int[] {count}, new byte[0]);
                    return new IdxPair(gzipped ? gzip(file) : file, labels);
                });
    }

    /** Returns valid files, half of them gzipped. */
    private static Arbitrary<byte[]> plain(Arbitrary<byte[]> valid) {
        return Combinators.combine(valid, Arbitraries.of(false, true))
                .as((file, gzipped) -> gzipped ? gzip(file) : file);
    }

    /** Returns valid files, mutated files and random bytes, sometimes gzipped. */
    private static Arbitrary<byte[]> files(Arbitrary<byte[]> valid) {
        Arbitrary<byte[]> mutated = Combinators.combine(valid,
                edits().list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(Gzip.class))
                .as(IdxReaderFuzzProperties::mutate);
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        return Arbitraries.frequencyOf(
                Tuple.of(2, plain(valid)),
                Tuple.of(6, mutated),
                Tuple.of(1, random));
    }

    /** When a mutated file is gzipped: not at all, before the edits, or after them. */
    enum Gzip {
        NONE, BEFORE, AFTER
    }

    private static byte[] mutate(byte[] file, List<ByteEdit> edits, Gzip gzip) {
        byte[] bytes = gzip == Gzip.BEFORE ? gzip(file) : file;
        for (ByteEdit edit : edits) {
            bytes = edit.apply(bytes);
        }
        return gzip == Gzip.AFTER ? gzip(bytes) : bytes;
    }

    private static Arbitrary<ByteEdit> edits() {
        Arbitrary<Integer> values = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(COUNTS)),
                Tuple.of(1, Arbitraries.integers()));
        Arbitrary<Integer> positions = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0, 4, 8, 12)),
                Tuple.of(1, Arbitraries.integers().between(0, 10_000)));
        return Combinators.combine(Arbitraries.of(Kind.class), positions, values)
                .as(ByteEdit::new);
    }

    private static Arbitrary<byte[]> images(int count) {
        return Combinators.combine(Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(1, 6), Arbitraries.randoms())
                .as((rows, columns, random) -> {
                    byte[] pixels = new byte[count * rows * columns];
                    random.nextBytes(pixels);
                    return idx(0x803, new int[] {count, rows, columns}, pixels);
                });
    }

    private static Arbitrary<byte[]> labels(int count) {
        return Arbitraries.bytes().between((byte) 0, (byte) 9).array(byte[].class)
                .ofSize(count).map(labels -> idx(0x801, new int[] {count}, labels));
    }

    private static byte[] idx(int magic, int[] dimensions, byte[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + values.length);
        buffer.putInt(magic);
        for (int dimension : dimensions) {
            buffer.putInt(dimension);
        }
        return buffer.put(values).array();
    }

    /** Returns the dimensions in the header of a decoded file. */
    private static int[] header(byte[] file, int dimensions) {
        ByteBuffer buffer = ByteBuffer.wrap(file, 4, 4 * dimensions);
        int[] counts = new int[dimensions];
        for (int i = 0; i < dimensions; i++) {
            counts[i] = buffer.getInt();
        }
        return counts;
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Returns the content of a file as the reader sees it: gunzipped as far as the gzip
     * stream is valid, or the bytes themselves.
     */
    private static byte[] decoded(byte[] file) {
        boolean gzipped = file.length >= 2 && (file[0] & 0xff) == 0x1f
                && (file[1] & 0xff) == 0x8b;
        if (!gzipped) {
            return file;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file))) {
            in.transferTo(content);
        } catch (IOException e) {
            // A corrupt stream counts with the bytes it gave before the fault.
        }
        return content.toByteArray();
    }
}
