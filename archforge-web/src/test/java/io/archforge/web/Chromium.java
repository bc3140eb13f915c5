package io.archforge.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's headless Chromium against a page on this machine: each run gets a new
 * profile directory and switches off every background connection, so the browser
 * contacts nothing but the given address.
 */
final class Chromium {

    /** Where Debian's {@code chromium} package installs the browser. */
    static final Path BINARY = Path.of("/usr/bin/chromium");

    /** Virtual milliseconds a page may run before the DOM is read or the screenshot taken. */
    static final int VIRTUAL_TIME_MS = 8000;

    private static final long TIMEOUT_SECONDS = 60;

    private final Path workDir;

    /** Creates a runner that keeps profiles and outputs under {@code workDir}. */
    Chromium(Path workDir) {
        this.workDir = workDir;
    }

    /** Returns whether the browser is installed. */
    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Loads {@code url}, runs its scripts for {@value #VIRTUAL_TIME_MS} virtual ms and
     * returns the DOM.
     */
    String dumpDom(URI url) throws IOException, InterruptedException {
        return run(List.of("--virtual-time-budget=" + VIRTUAL_TIME_MS, "--dump-dom",
                url.toString()));
    }

    /** Loads {@code url} and writes a screenshot of the 1280x900 window to {@code png}. */
    void screenshot(URI url, Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(List.of("--virtual-time-budget=" + VIRTUAL_TIME_MS, "--screenshot=" + png,
                url.toString()));
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
        Path out = Files.createTempFile(workDir, "chromium-", ".out");
        Path err = Files.createTempFile(workDir, "chromium-", ".err");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,900"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s: "
                    + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("chromium exited with " + process.exitValue() + ": "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
