package io.archforge.strategy.bo;

import java.util.List;

/**
 * The exploration level after a sequence of observed values, and the change the
 * last value caused.
 *
 * <p>The level starts at 0. After the initial design, every
 * {@code patience} successive values that do not beat the best so far raise it one
 * level, up to {@code maxLevel}; a value that beats the best resets it to 0. The
 * level is a pure function of the values in order, so replaying a study's trials
 * restores it exactly.
 *
 * @param level the current level, from 0 to the maximum
 * @param event {@code raised}, {@code lowered}, or empty when the last value changed
 *     nothing
 */
public record Exploration(int level, String event) {

    /** The event when the level rises. */
    public static final String RAISED = "raised";
    /** The event when an improvement resets the level. */
    public static final String LOWERED = "lowered";

    /** Replays the schedule over {@code values}, the maximised objective in trial order. */
    public static Exploration after(List<Double> values, int initial, int patience,
            int maxLevel) {
        double best = Double.NEGATIVE_INFINITY;
        int level = 0;
        int stalled = 0;
        String event = "";
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            event = "";
            if (value > best) {
                best = value;
                stalled = 0;
                if (level > 0) {
                    level = 0;
                    event = LOWERED;
                }
            } else if (i >= initial && ++stalled >= patience) {
                stalled = 0;
                if (level < maxLevel) {
                    level++;
                    event = RAISED;
                }
            }
        }
        return new Exploration(level, event);
    }
}
