package io.archforge.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check of the directory where DJL unpacks libtorch, before the engine starts. */
class EngineCacheTest {

    @TempDir
    Path dir;

    @Test
    void missingDirectoryIsCreated() {
        Path cache = dir.resolve("a/b/djl");

        DjlRuntime.requireWritable(cache, "from DJL_CACHE_DIR", "DJL_CACHE_DIR");

        assertThat(cache).isDirectory().isEmptyDirectory();
    }

    @Test
    void fileAsDirectoryIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");

        assertThatThrownBy(() -> DjlRuntime.requireWritable(file.resolve("djl"),
                "from DJL_CACHE_DIR", "DJL_CACHE_DIR"))
                .isInstanceOf(EngineCacheException.class)
                .hasMessageContaining(file.resolve("djl").toString())
                .hasMessageContaining("set DJL_CACHE_DIR to a writable directory");
    }

    @Test
    void unwritableCacheStopsEngineStart() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Dai.djl.offline=true",
                "-DOPT_OUT_TRACKING=true", "-cp", System.getProperty("java.class.path"),
                EngineStartProbe.class.getName()).redirectErrorStream(true);
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().put("OPT_OUT_TRACKING", "true");
        builder.environment().put("DJL_CACHE_DIR", "/proc/djl");
        // The build sets ENGINE_CACHE_DIR for tests, and DJL prefers it to DJL_CACHE_DIR.
        builder.environment().remove("ENGINE_CACHE_DIR");

        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains(EngineCacheException.class.getSimpleName())
                .contains("/proc/djl (from DJL_CACHE_DIR)")
                .contains("set DJL_CACHE_DIR to a writable directory");
    }
}
