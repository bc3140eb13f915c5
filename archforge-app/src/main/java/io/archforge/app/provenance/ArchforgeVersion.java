package io.archforge.app.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The version of this build of Archforge, such as {@code 0.1.0-SNAPSHOT}, followed by
 * {@code +} and the source commit when the build was given one with
 * {@code -Darchforge.commit=COMMIT}. Maven writes both into the resource
 * {@value #RESOURCE} when it builds the module, so nothing needs git at run time.
 */
public final class ArchforgeVersion {

    /** The resource that Maven filters with the project version and the commit. */
    static final String RESOURCE = "version.properties";

    private static final String UNKNOWN = "unknown";

    private ArchforgeVersion() {
    }

    /** Returns the version, computed once per process. */
    public static String current() {
        return Holder.VERSION;
    }

    private static String read() {
        Properties properties = new Properties();
        try (InputStream in = ArchforgeVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version resource " + RESOURCE, e);
        }
        String version = filtered(properties.getProperty("version"))
                .or(() -> Optional.ofNullable(
                        ArchforgeVersion.class.getPackage().getImplementationVersion()))
                .orElse(UNKNOWN);
        return filtered(properties.getProperty("commit"))
                .map(commit -> version + "+" + commit)
                .orElse(version);
    }

    /** Returns the value when Maven filled it in: not empty and no {@code ${...}} left. */
    private static Optional<String> filtered(String value) {
        if (value == null || value.isBlank() || value.contains("${")) {
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    private static final class Holder {
        static final String VERSION = read();
    }
}
