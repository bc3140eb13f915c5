package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unusable DJL cache directory is bad input, reported before any training. */
class EngineCacheCliTest {

    private static final String SMALL = "s1.depth=1,s1.width=16,s1.kernel=3,s1.expansion=1,"
            + "s1.residual=off,s2.depth=1,s2.width=16,s2.kernel=3,s2.expansion=1,"
            + "s2.residual=off,s3.depth=1,s3.width=16,s3.kernel=3,s3.expansion=1,"
            + "s3.residual=off";

    @TempDir
    Path dir;

    @Test
    void unwritableCacheIsUsageError() throws Exception {
        // The build sets ENGINE_CACHE_DIR for tests, and DJL prefers it to DJL_CACHE_DIR.
        Map<String, String> env = new HashMap<>();
        env.put("DJL_CACHE_DIR", "/proc/djl");
        env.put("ENGINE_CACHE_DIR", null);

        Process process = Subprocess.start(dir, "evaluate",
                List.of("evaluate", SMALL, "--dataset", "fashion-mnist"), env);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Subprocess.output(dir, "evaluate", "err");
        assertThat(process.exitValue()).as(err).isEqualTo(ExitCodes.USAGE);
        assertThat(err.lines().filter(l -> l.startsWith("archforge:")))
                .singleElement().asString()
                .contains("/proc/djl")
                .contains("set DJL_CACHE_DIR to a writable directory");
    }
}
