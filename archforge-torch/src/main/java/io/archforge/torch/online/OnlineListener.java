package io.archforge.torch.online;

import java.time.LocalDateTime;

/** Receives the events of an online search as they happen; every method does nothing by default. */
public interface OnlineListener {

    /** A listener that ignores every event. */
    OnlineListener NONE = new OnlineListener() {
    };

    /** Receives a change of the deployed architecture. */
    default void swapped(Swap swap) {
    }

    /** Receives a drift alarm. */
    default void drifted(Drift drift) {
    }

    /**
     * A change of the deployed architecture.
     *
     * @param row the row at which the swap took effect
     * @param timestamp the time of that row
     * @param from the replaced architecture
     * @param to the new deployed architecture
     * @param deployedError the replaced model's mean absolute error over the recent windows
     * @param challengerError the new model's mean absolute error over the same windows
     */
    record Swap(int row, LocalDateTime timestamp, String from, String to,
            double deployedError, double challengerError) {
    }

    /**
     * A drift alarm of the detector fed the deployed model's error.
     *
     * @param row the row at which the alarm rose
     * @param timestamp the time of that row
     * @param detector the detector's name
     * @param deployedError the deployed model's mean absolute error over the recent windows
     */
    record Drift(int row, LocalDateTime timestamp, String detector, double deployedError) {
    }
}
