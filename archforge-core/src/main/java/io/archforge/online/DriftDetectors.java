package io.archforge.online;

import java.util.List;

/** The drift detectors by name, with their default settings. */
public final class DriftDetectors {

    private DriftDetectors() {
    }

    /** Returns the names that {@link #create} accepts. */
    public static List<String> names() {
        return List.of("adwin", "page-hinkley");
    }

    /**
     * Creates a detector with its default settings.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static DriftDetector create(String name) {
        return switch (name) {
            case "adwin" -> new Adwin();
            case "page-hinkley" -> new PageHinkley();
            default -> throw new IllegalArgumentException("unknown drift detector '" + name
                    + "'; use one of " + String.join(", ", names()));
        };
    }
}
