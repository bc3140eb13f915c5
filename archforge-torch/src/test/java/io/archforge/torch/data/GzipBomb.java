package io.archforge.torch.data;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Builds gzip streams that inflate to gigabytes of one repeated byte from a few megabytes,
 * without compressing the gigabytes. One deflate block that encodes 1 MiB of the byte as
 * references to earlier copies stays valid after any run of that byte, so the stream
 * repeats the block.
 */
public final class GzipBomb {

    private static final int BLOCK_BYTES = 1 << 20;
    private static final int WINDOW_BYTES = 1 << 16;

    private GzipBomb() {
    }

    /** Returns a gzip stream of {@code prefix} followed by at least {@code zeros} zeros. */
    public static byte[] zeros(byte[] prefix, long zeros) {
        return repeated(prefix, (byte) 0, zeros);
    }

    /**
     * Returns a gzip stream of {@code prefix} followed by at least {@code count} copies of
     * {@code fill}. The trailer's checksum is not that of the content, so a reader that
     * inflates the whole stream fails at its end, after all the copies.
     */
    public static byte[] repeated(byte[] prefix, byte fill, long count) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});

        // The prefix and a window of the fill byte, then one block of it to repeat.
        byte[] start = Arrays.copyOf(prefix, prefix.length + WINDOW_BYTES);
        Arrays.fill(start, prefix.length, start.length, fill);
        out.writeBytes(deflate(deflater, start));
        byte[] run = new byte[BLOCK_BYTES];
        Arrays.fill(run, fill);
        byte[] block = deflate(deflater, run);
        long written = WINDOW_BYTES + BLOCK_BYTES;
        out.writeBytes(block);
        while (written < count) {
            out.writeBytes(block);
            written += BLOCK_BYTES;
        }

        // The last block, then a trailer with the checksum of the prefix alone.
        deflater.finish();
        byte[] buffer = new byte[64];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(prefix);
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, (int) (prefix.length + written));
        return out.toByteArray();
    }

    /** Deflates {@code input} and flushes to a byte boundary, so blocks can be repeated. */
    private static byte[] deflate(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int length;
        do {
            length = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, length);
        } while (length == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        for (int i = 0; i < 4; i++) {
            out.write(value >>> (8 * i));
        }
    }
}
