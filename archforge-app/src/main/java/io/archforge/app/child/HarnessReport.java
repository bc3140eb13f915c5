package io.archforge.app.child;

import java.util.Map;

/** The outcome of a harness that runs child processes and checks what they stored. */
public interface HarnessReport {

    /** Returns whether every check passed. */
    boolean passed();

    /** Returns the figures and checks as a JSON object. */
    Map<String, Object> toJson();

    /** Returns the figures and checks as aligned text. */
    String toText();
}
