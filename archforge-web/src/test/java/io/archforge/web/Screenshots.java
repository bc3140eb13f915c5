package io.archforge.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the browser tests put the screenshots the README and the docs show. */
final class Screenshots {

    private Screenshots() {
    }

    /**
     * Returns {@code docs/screenshots} of the repository. Surefire runs tests in the
     * module directory, and the repository root is its parent, the directory of the
     * parent pom.
     *
     * @throws IOException when the parent directory contains no parent pom
     */
    static Path directory() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        Path root = module.getParent();
        Path pom = root.resolve("pom.xml");
        if (!Files.isRegularFile(pom)
                || !Files.readString(pom).contains("<artifactId>archforge-parent</artifactId>")) {
            throw new IOException("no Archforge parent pom above " + module);
        }
        return root.resolve("docs").resolve("screenshots");
    }
}
