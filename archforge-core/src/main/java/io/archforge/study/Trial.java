package io.archforge.study;

import io.archforge.space.Architecture;
import java.util.Map;
import java.util.Objects;

/**
 * A trial handed out by {@link Study#ask()} and not yet told.
 *
 * @param number the trial number
 * @param architecture the architecture to evaluate
 * @param seed the seed derived for this trial
 * @param attributes notes stored with the trial, such as {@code retry_of}
 */
public record Trial(int number, Architecture architecture, long seed, Map<String, String> attributes) {

    public Trial {
        Objects.requireNonNull(architecture, "architecture");
        attributes = Map.copyOf(attributes);
    }
}
