package io.archforge.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {

    /** The SHA-256 of the three bytes "abc", as {@code printf abc | sha256sum} prints it. */
    private static final String ABC =
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void textMatchesKnownDigest() {
        assertThat(Checksums.sha256("abc")).isEqualTo(ABC);
    }

    @Test
    void fileMatchesKnownDigest() throws Exception {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc");

        assertThat(Checksums.sha256(DataInput.file(file))).isEqualTo(ABC);
    }

    @Test
    void resourceMatchesKnownDigest() {
        DataInput relative = DataInput.resource(ChecksumsTest.class, "abc.txt");
        DataInput absolute = DataInput.resource(ChecksumsTest.class,
                "/io/archforge/provenance/abc.txt");

        assertThat(Checksums.sha256(relative)).isEqualTo(ABC);
        assertThat(Checksums.sha256(absolute)).isEqualTo(ABC);
        assertThat(relative.name()).isEqualTo("abc.txt");
    }

    @Test
    void largeFileStreamsEveryByte() throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new SplittableRandom(5).nextBytes(bytes);
        Path file = Files.write(dir.resolve("large.bin"), bytes);
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(bytes));

        assertThat(Checksums.sha256(DataInput.file(file))).isEqualTo(expected);
    }

    @Test
    void rewrittenFileIsHashedAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("data.csv"), "abc");
        String first = Checksums.sha256(DataInput.file(file));
        Files.writeString(file, "abcd");
        Files.setLastModifiedTime(file, FileTime.fromMillis(
                Files.getLastModifiedTime(file).toMillis() + 2000));

        String second = Checksums.sha256(DataInput.file(file));

        assertThat(first).isEqualTo(ABC);
        assertThat(second).isEqualTo(Checksums.sha256("abcd"));
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("absent.idx");

        assertThatThrownBy(() -> Checksums.sha256(DataInput.file(missing)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void missingResourceNamesTheResource() {
        DataInput absent = DataInput.resource(ChecksumsTest.class, "absent.csv.gz");

        assertThatThrownBy(() -> Checksums.sha256(absent))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("absent.csv.gz");
    }
}
