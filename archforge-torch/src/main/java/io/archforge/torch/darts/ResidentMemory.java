package io.archforge.torch.darts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident memory of this process, read from {@code /proc/self/status}: the current
 * resident set ({@code VmRSS}) and its peak so far ({@code VmHWM}), in MB of 10^6 bytes.
 * Both are 0 where the file cannot be read.
 *
 * @param currentMb resident memory now
 * @param peakMb the highest resident memory since the process started
 */
public record ResidentMemory(double currentMb, double peakMb) {

    /** Reads the current figures from {@code /proc/self/status}. */
    public static ResidentMemory read() {
        double current = 0;
        double peak = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    current = kilobytes(line) * 1024 / 1e6;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line) * 1024 / 1e6;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new ResidentMemory(0, 0);
        }
        return new ResidentMemory(current, peak);
    }

    private static double kilobytes(String line) {
        return Double.parseDouble(line.trim().split("\\s+")[1]);
    }
}
