package io.archforge.space;

import java.util.Objects;

/**
 * A rule that makes one choice of a {@link ChoiceSpace} active only while an integer
 * choice is at least a minimum, such as the heads of layer 3, which a network has only
 * when {@code layers >= 3}.
 *
 * <p>An inactive choice does not change the network, so the space gives it its first
 * value in every architecture it builds: two gene vectors that differ only in inactive
 * choices give one architecture, with one string form and one isomorphism key.
 *
 * @param choice the name of the conditional choice
 * @param controller the name of the integer choice it depends on, which must be an
 *     {@link Choice.IntRange} without a condition of its own
 * @param minimum the least value of the controller at which the choice is active
 */
public record ChoiceCondition(String choice, String controller, int minimum) {

    public ChoiceCondition {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(controller, "controller");
        if (choice.equals(controller)) {
            throw new IllegalArgumentException("choice '" + choice
                    + "' cannot be conditioned on itself");
        }
    }
}
