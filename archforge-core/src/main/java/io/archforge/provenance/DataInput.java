package io.archforge.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file or class-path resource that an evaluator reads, such as an IDX file of
 * Fashion-MNIST or a benchmark table shipped in a jar. {@link Checksums} hashes its bytes
 * as stored: a gzip-compressed resource is hashed compressed.
 */
public sealed interface DataInput {

    /** Returns the file name of the input, without its directory. */
    String name();

    /** Returns where the input is, for messages: the path, or the resource and its jar. */
    String location();

    /**
     * Opens the input's bytes.
     *
     * @throws UncheckedIOException naming the input when it is missing or unreadable
     */
    InputStream open();

    /** Returns the input that is the file at {@code path}. */
    static DataInput file(Path path) {
        return new File(path);
    }

    /**
     * Returns the input that is resource {@code name} of {@code owner}, resolved as
     * {@link Class#getResourceAsStream} resolves it: relative to the class's package
     * unless it starts with {@code /}.
     */
    static DataInput resource(Class<?> owner, String name) {
        return new Resource(owner, name);
    }

    /**
     * A file.
     *
     * @param path the file, made absolute and normalised
     */
    record File(Path path) implements DataInput {

        public File {
            path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
        }

        @Override
        public String name() {
            Path name = path.getFileName();
            return name == null ? path.toString() : name.toString();
        }

        @Override
        public String location() {
            return path.toString();
        }

        @Override
        public InputStream open() {
            try {
                return Files.newInputStream(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read data file " + path + " to compute"
                        + " its SHA-256: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A class-path resource.
     *
     * @param owner the class that resolves the resource name
     * @param resource the resource name, absolute or relative to the owner's package
     */
    record Resource(Class<?> owner, String resource) implements DataInput {

        public Resource {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(resource, "resource");
            if (resource.isBlank() || resource.endsWith("/")) {
                throw new IllegalArgumentException("invalid resource name '" + resource
                        + "': name a file, such as tables/nb201.csv.gz");
            }
        }

        @Override
        public String name() {
            return resource.substring(resource.lastIndexOf('/') + 1);
        }

        @Override
        public String location() {
            return "resource " + resource + " of " + owner.getName();
        }

        @Override
        public InputStream open() {
            InputStream in = owner.getResourceAsStream(resource);
            if (in == null) {
                throw new UncheckedIOException(new IOException(location()
                        + " is missing from the class path; rebuild the module that ships it"));
            }
            return in;
        }
    }
}
