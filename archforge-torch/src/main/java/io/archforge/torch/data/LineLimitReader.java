package io.archforge.torch.data;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that fails once a line grows longer than a limit, so that a line reader on
 * top of it, such as {@link java.io.BufferedReader#readLine}, never builds a string of
 * gigabytes from a small gzipped file of one endless line. The count restarts after
 * each {@code \n}, {@code \r} or {@code \r\n}, as {@code readLine} splits lines.
 */
public final class LineLimitReader extends FilterReader {

    /**
     * The default limit: 1,048,576 characters, above any valid row of the bundled data
     * and of a graph node with all 100,000 features, which takes under 600,000.
     */
    public static final int DEFAULT_MAX_CHARS = 1 << 20;

    private final int maxChars;
    private long lineChars;
    private long lineNumber = 1;
    private boolean afterCarriageReturn;

    /** Wraps {@code in}, allowing lines of at most {@code maxChars} characters. */
    public LineLimitReader(Reader in, int maxChars) {
        super(in);
        this.maxChars = maxChars;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            count(buffer[i]);
        }
        return read;
    }

    private void count(char c) throws IOException {
        boolean newLine = c == '\r' || (c == '\n' && !afterCarriageReturn);
        afterCarriageReturn = c == '\r';
        if (c == '\n' || c == '\r') {
            lineChars = 0;
            lineNumber += newLine ? 1 : 0;
            return;
        }
        if (++lineChars > maxChars) {
            throw new IOException("line " + lineNumber + " is longer than " + maxChars
                    + " characters; check that the file is the right one and not corrupt");
        }
    }
}
