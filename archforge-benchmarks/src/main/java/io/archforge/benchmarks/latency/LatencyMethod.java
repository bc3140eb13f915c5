package io.archforge.benchmarks.latency;

import java.util.Arrays;
import java.util.List;

/** The latency prediction methods a latency benchmark compares. */
public enum LatencyMethod {

    /** An operation lookup table: measured where kernels can be timed, fitted elsewhere. */
    LOOKUP("lookup"),
    /** A performance predictor on the one-hot encoding, fitted to log latency. */
    LEARNED("learned"),
    /** The learned predictor on top of the lookup table's sum. */
    LEARNED_LOOKUP("learned+lookup"),
    /** Transfer from the table's other devices with the target's training networks. */
    TRANSFER("transfer");

    private final String key;

    LatencyMethod(String key) {
        this.key = key;
    }

    /** Returns the name on the command line and in reports. */
    public String key() {
        return key;
    }

    /** Returns the keys of every method, in order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(LatencyMethod::key).toList();
    }

    /**
     * Parses a method key.
     *
     * @throws IllegalArgumentException naming the value and the valid keys
     */
    public static LatencyMethod parse(String key) {
        for (LatencyMethod method : values()) {
            if (method.key.equals(key)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown latency method '" + key
                + "'; valid methods are " + String.join(", ", keys()) + ", or all");
    }
}
