package io.archforge.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets the tries of the fuzz properties from system properties, so that one command runs
 * a long version of the suite's short fuzz runs:
 *
 * <ul>
 *   <li>{@value #SCALE} multiplies each property's own tries, which keeps the slow
 *       properties (a whole command per try) short next to the fast ones:
 *       {@code -Darchforge.fuzz.scale=40};
 *   <li>{@value #TRIES} sets the same number of tries for every property:
 *       {@code -Darchforge.fuzz.tries=20000}. It wins over the scale.
 * </ul>
 *
 * <p>Without either, each property keeps the tries of its {@code @Property} annotation.
 * Add the hook to a class with {@code @AddLifecycleHook(FuzzTries.class)}.
 */
public final class FuzzTries implements AroundPropertyHook {

    /** The system property that sets the tries of every fuzz property. */
    public static final String TRIES = "archforge.fuzz.tries";

    /** The system property that multiplies the tries of every fuzz property. */
    public static final String SCALE = "archforge.fuzz.scale";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context,
            PropertyExecutor property) {
        String tries = System.getProperty(TRIES, "").strip();
        String scale = System.getProperty(SCALE, "").strip();
        if (!tries.isEmpty()) {
            context.attributes().setTries(positive(TRIES, tries));
        } else if (!scale.isEmpty()) {
            int own = context.attributes().tries().orElse(1_000);
            context.attributes().setTries(Math.multiplyExact(own, positive(SCALE, scale)));
        }
        return property.execute();
    }

    /** Applies the hook to every property of the class that adds it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    private static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw new IllegalArgumentException("-D" + name + "=" + value
                + " is not a positive whole number");
    }
}
