package io.archforge.torch.text;

import io.archforge.provenance.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the texts that the {@code text} domain trains on: the Jargon File, or any UTF-8
 * text file.
 */
public final class TextCorpora {

    /** The data-set name of the Jargon File excerpt. */
    public static final String JARGON = "jargon";

    /** The file that the Debian package {@code jargon-text} installs the Jargon File as. */
    public static final Path JARGON_PACKAGE_FILE =
            Path.of("/usr/share/doc/jargon-text/jargon.txt.gz");

    /**
     * The length of the excerpt in bytes: the first 300,000 bytes of Jargon File 4.4.7,
     * cut after the last line end before them.
     */
    public static final int JARGON_EXCERPT_BYTES = 299_937;

    private static final String JARGON_RESOURCE = "jargon-4.4.7-excerpt.txt.gz";
    private static final Logger LOG = LoggerFactory.getLogger(TextCorpora.class);

    private TextCorpora() {
    }

    /**
     * Returns the first {@value #JARGON_EXCERPT_BYTES} bytes of the Jargon File (public
     * domain): from the installed Debian package {@code jargon-text} when it is present,
     * from the excerpt bundled in this module otherwise. Both give the same text when the
     * package contains version 4.4.7.
     */
    public static TextCorpus jargon() {
        if (Files.isRegularFile(JARGON_PACKAGE_FILE)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(JARGON_PACKAGE_FILE))) {
                String text = decode(in.readNBytes(JARGON_EXCERPT_BYTES),
                        JARGON_PACKAGE_FILE.toString());
                String source = "Jargon File, first " + JARGON_EXCERPT_BYTES + " bytes of "
                        + JARGON_PACKAGE_FILE + " (Debian package jargon-text)";
                LOG.info("Read the Jargon File from {}", JARGON_PACKAGE_FILE);
                return new TextCorpus(JARGON, source, text);
            } catch (IOException | TextDataException e) {
                LOG.warn("Cannot read {}, so the bundled excerpt is used: {}",
                        JARGON_PACKAGE_FILE, e.toString());
            }
        }
        return bundledJargon();
    }

    /**
     * Returns the file that {@link #jargon()} reads: the Debian package's file when it is
     * a regular file, the bundled excerpt otherwise.
     *
     * <p>NOTE: {@link #jargon()} also falls back to the excerpt when the package's file
     * cannot be read or decoded, but this method names the package's file then too.
     */
    public static DataInput jargonInput() {
        if (Files.isRegularFile(JARGON_PACKAGE_FILE)) {
            return DataInput.file(JARGON_PACKAGE_FILE);
        }
        return DataInput.resource(TextCorpora.class, JARGON_RESOURCE);
    }

    /** Returns the bundled excerpt of Jargon File 4.4.7, without looking for the package. */
    public static TextCorpus bundledJargon() {
        try (InputStream resource = TextCorpora.class.getResourceAsStream(JARGON_RESOURCE)) {
            if (resource == null) {
                throw new IllegalStateException("the resource " + JARGON_RESOURCE
                        + " is missing from the archforge-torch jar; rebuild the module");
            }
            try (InputStream in = new GZIPInputStream(resource)) {
                String text = decode(in.readAllBytes(), JARGON_RESOURCE);
                LOG.info("Read the Jargon File from the bundled excerpt {}", JARGON_RESOURCE);
                return new TextCorpus(JARGON, "Jargon File 4.4.7, first " + JARGON_EXCERPT_BYTES
                        + " bytes, bundled excerpt " + JARGON_RESOURCE, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled resource " + JARGON_RESOURCE,
                    e);
        }
    }

    /**
     * Reads a UTF-8 text file whole.
     *
     * @param name the data-set name to record, such as {@code text:notes.txt}
     * @throws TextDataException naming the file when it is missing, unreadable or not UTF-8
     */
    public static TextCorpus file(String name, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TextDataException("text file " + file + " not found; give an existing"
                    + " UTF-8 text file as --dataset text:FILE", e);
        } catch (IOException e) {
            throw new TextDataException("cannot read text file " + file + ": " + e.getMessage()
                    + "; check that it is a readable file", e);
        }
        return new TextCorpus(name, file.toString(), decode(bytes, file.toString()));
    }

    /**
     * Decodes UTF-8 strictly.
     *
     * @throws TextDataException naming the source, the line and the byte offset of the first
     *     invalid byte
     */
    static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new TextDataException(String.format("text %s is not valid UTF-8: byte 0x%02X"
                    + " at offset %d (line %d); convert the file to UTF-8, for example with"
                    + " iconv", source, bytes[offset] & 0xff, offset, lineOf(bytes, offset)));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
