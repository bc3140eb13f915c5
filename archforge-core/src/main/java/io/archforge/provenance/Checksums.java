package io.archforge.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 checksums as lower-case hex strings. The checksum of a {@link DataInput} is
 * computed once per process: the bytes are streamed, never held whole, and the result is
 * kept by path, size and modification time for a file, and by URL for a resource. A file
 * rewritten with the same size and modification time keeps its old checksum.
 *
 * <p>Thread-safe.
 */
public final class Checksums {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final Map<Object, String> CACHE = new ConcurrentHashMap<>();

    private Checksums() {
    }

    /** Returns the SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Returns the SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the SHA-256 of the bytes of {@code input}, computing it on first use.
     *
     * @throws UncheckedIOException naming the input when it is missing or unreadable
     */
    public static String sha256(DataInput input) {
        return CACHE.computeIfAbsent(key(input), key -> stream(input));
    }

    /** Returns what identifies the current bytes of {@code input}. */
    private static Object key(DataInput input) {
        if (input instanceof DataInput.File file) {
            return fileKey(file.path());
        }
        return resourceKey((DataInput.Resource) input);
    }

    private static Object fileKey(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new FileKey(path.toRealPath().toString(), attributes.size(),
                    attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + path + " to compute its"
                    + " SHA-256: " + e.getMessage(), e);
        }
    }

    private static Object resourceKey(DataInput.Resource resource) {
        URL url = resource.owner().getResource(resource.resource());
        if (url == null) {
            throw new UncheckedIOException(new IOException(resource.location()
                    + " is missing from the class path; rebuild the module that ships it"));
        }
        return url.toString();
    }

    private static String stream(DataInput input) {
        MessageDigest digest = digest();
        try (InputStream in = input.open()) {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input.location() + " to compute its"
                    + " SHA-256: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** A file's identity for the cache: its real path, size and modification time. */
    private record FileKey(String path, long size, long modifiedMillis) {
    }
}
