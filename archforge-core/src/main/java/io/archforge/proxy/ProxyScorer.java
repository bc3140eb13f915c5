package io.archforge.proxy;

import io.archforge.space.Architecture;

/**
 * Scores an architecture without training it, by a zero-cost proxy such as synflow,
 * so a search can rank candidates before it pays for them. Higher scores predict
 * better architectures; a scorer whose proxy runs the other way negates it.
 */
public interface ProxyScorer {

    /** The proxy's name, as stored in trial attributes ({@code proxy_NAME}). */
    String name();

    /**
     * The score of {@code architecture}.
     *
     * @throws ArithmeticException when the proxy overflows or is not a number for it
     */
    double score(Architecture architecture);
}
