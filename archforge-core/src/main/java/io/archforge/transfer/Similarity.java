package io.archforge.transfer;

/**
 * How far a source study's ranking agrees with the new task's, and the weight that
 * follows.
 *
 * @param source the source study's name
 * @param pairs the new study's complete trials with a value in the source study, exact
 *     or from its nearest architectures
 * @param kendallTau Kendall's tau between the two values over those pairs, 0 with fewer
 *     than 3 pairs
 * @param weight the weight of the source's trials, between 0 and 1
 */
public record Similarity(String source, int pairs, double kendallTau, double weight) {
}
