package io.archforge.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.statistics.Statistics;

/**
 * Checks that a parse failed as its documentation promises: with the parser's own
 * exception type and a message, never with an exception such as a
 * {@link NullPointerException} or an error such as a {@link StackOverflowError}.
 */
public final class CleanFailures {

    private CleanFailures() {
    }

    /**
     * Checks that {@code outcome} is a failure of type {@code documented} with a
     * non-blank message, and returns that message.
     *
     * @throws AssertionError naming the input and carrying the actual failure as its cause
     */
    public static String requireDocumented(Deadline.Outcome<?> outcome,
            Class<? extends Throwable> documented, String input) {
        Throwable failure = outcome.failure();
        if (failure == null) {
            throw new AssertionError("expected " + documented.getSimpleName()
                    + " but the parse returned " + outcome.value() + " for input "
                    + Mutations.abbreviate(input));
        }
        if (!documented.isInstance(failure)) {
            throw new AssertionError("expected " + documented.getSimpleName() + " but got "
                    + failure + " for input " + Mutations.abbreviate(input), failure);
        }
        String message = failure.getMessage();
        assertThat(message).as("message of %s for input %s", failure.getClass().getSimpleName(),
                Mutations.abbreviate(input)).isNotBlank();
        return message;
    }

    /**
     * Checks that the parse allocated at most {@code limit} bytes of heap, when the JVM
     * measures allocation.
     *
     * @throws AssertionError naming the input, the allocation and the limit
     */
    public static void requireAllocatedAtMost(Deadline.Outcome<?> outcome, long limit,
            String input) {
        if (outcome.allocatedBytes() > limit) {
            throw new AssertionError("the parse allocated " + outcome.allocatedBytes()
                    + " bytes, more than the " + limit + " bytes allowed for input "
                    + Mutations.abbreviate(input), outcome.failure());
        }
    }

    /**
     * Counts the outcome in jqwik's statistics: the exception's simple name, or
     * {@code parsed} when the parse returned.
     */
    public static void collect(Deadline.Outcome<?> outcome) {
        Statistics.label("outcome").collect(outcome.returned() ? "parsed"
                : outcome.failure().getClass().getSimpleName());
    }
}
