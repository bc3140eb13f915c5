package io.archforge.study;

/** Receives trial events from {@link Study#optimize}, for progress display. */
public interface StudyListener {

    /** Called when a trial starts. */
    default void trialStarted(Trial trial) {
    }

    /** Called when a trial ends in any state. */
    default void trialFinished(FrozenTrial trial) {
    }

    StudyListener NONE = new StudyListener() {
    };
}
