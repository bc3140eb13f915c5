package io.archforge.benchmarks;

import java.util.List;

/** Checks shared by the settings records of the benchmarks. */
public final class SettingsChecks {

    private SettingsChecks() {
    }

    /**
     * Checks that a list of settings values is not empty and names no value twice.
     *
     * @throws IllegalArgumentException naming the setting and its values
     */
    public static void requireDistinct(String name, List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("benchmark " + name + " list is empty; name one");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("benchmark " + name + " repeat a value: "
                    + values);
        }
    }

    /**
     * Checks that a count setting is at least 1.
     *
     * @throws IllegalArgumentException naming the setting and its value
     */
    public static void requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("benchmark " + name + " must be >= 1, got "
                    + value);
        }
    }
}
