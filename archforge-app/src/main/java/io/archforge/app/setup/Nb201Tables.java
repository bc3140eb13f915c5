package io.archforge.app.setup;

import io.archforge.benchmarks.nb201.Nb201Table;

/** The NAS-Bench-201 table, read once per process because every look-up shares it. */
public final class Nb201Tables {

    private Nb201Tables() {
    }

    /** Returns the table, reading it on first use. */
    public static Nb201Table shared() {
        return Holder.TABLE;
    }

    private static final class Holder {
        static final Nb201Table TABLE = Nb201Table.load();
    }
}
