package io.archforge.strategy;

import io.archforge.space.Architecture;
import java.util.Map;
import java.util.Objects;

/**
 * An architecture a strategy proposes, with notes stored as attributes of the
 * trial, such as the current exploration level or why the strategy restarted.
 *
 * @param architecture the architecture to evaluate
 * @param attributes notes stored with the trial; keys should be lower_snake_case
 */
public record Proposal(Architecture architecture, Map<String, String> attributes) {

    public Proposal {
        Objects.requireNonNull(architecture, "architecture");
        attributes = Map.copyOf(attributes);
    }

    public static Proposal of(Architecture architecture) {
        return new Proposal(architecture, Map.of());
    }
}
