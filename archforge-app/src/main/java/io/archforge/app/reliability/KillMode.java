package io.archforge.app.reliability;

/** The moment at which the crash harness aims a SIGKILL at {@code archforge search}. */
public enum KillMode {

    /**
     * Inside a trial: the study runs with a trial delay, so most of the time is spent in
     * an evaluation, and the kill comes a random fraction of a trial after a trial ends.
     */
    TRIAL("trial"),

    /**
     * During store writes: the study runs without a delay, so nearly all the time is
     * spent writing trials, and the kill comes a random fraction of a trial after a
     * trial ends.
     */
    WRITE("write"),

    /**
     * During a restart: the kill comes while the new process opens the store, marks the
     * trials of the killed one STALE and replays the history, at a delay chosen from the
     * start-up times measured before.
     */
    RESUME("resume");

    private final String label;

    KillMode(String label) {
        this.label = label;
    }

    /** Returns the name used in reports and JSON output. */
    public String label() {
        return label;
    }
}
