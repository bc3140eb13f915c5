package io.archforge.app.reliability;

/**
 * The moment a kill landed in, as the process's open files, its log and the store before and
 * after the kill show. The first five apply to kills during a restart, the next two to
 * kills in a running search.
 */
public enum Landing {

    /**
     * Before the process was seen holding the store open: it was starting the JVM or
     * loading the tables, or on a system without {@code /proc} the moment is unknown.
     */
    BEFORE_STORE("before the store was seen open"),

    /**
     * With the store open and nothing written yet: the process was reading the study
     * or, on a new store, creating its tables.
     */
    STORE_OPEN("store open, nothing written"),

    /**
     * While the study was opened: the store changed (the study was created or trials were
     * marked STALE) but the process had not logged that the study was open.
     */
    DURING_OPEN("while the study opened"),

    /** After the study was opened and its history replayed, before a new trial was stored. */
    AFTER_OPEN("after the replay, before a new trial"),

    /** After the restarted process stored its first new trial. */
    FIRST_TRIALS("in the first new trials"),

    /** Inside a trial: the kill left a trial RUNNING. */
    IN_TRIAL("inside a trial"),

    /** Between two trials: the kill left no trial RUNNING. */
    BETWEEN_TRIALS("between trials"),

    /** Nowhere: the process finished the study before the kill was due. */
    FINISHED_FIRST("process finished first");

    private final String description;

    Landing(String description) {
        this.description = description;
    }

    /** Returns the description used in reports. */
    public String description() {
        return description;
    }
}
