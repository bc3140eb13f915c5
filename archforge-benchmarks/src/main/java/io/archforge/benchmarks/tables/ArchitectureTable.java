package io.archforge.benchmarks.tables;

import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Architectures of one search space with one measured value each, from a published
 * benchmark: the data of predictor benchmarks.
 *
 * <p>Each architecture appears once, one per isomorphism class where the space has
 * classes. Implementations are immutable and thread-safe.
 */
public interface ArchitectureTable {

    /** The benchmark's name, as given to {@code --benchmark}, such as {@code nb101}. */
    String benchmark();

    /** The data set or task, as given to {@code --dataset}, such as {@code cifar10}. */
    String dataset();

    /** The space of the architectures. */
    SearchSpace space();

    /**
     * The metric {@link #value} returns, named as in the study metrics, such as
     * {@code test_accuracy} or {@code valid_accuracy}.
     */
    String metric();

    /** Whether higher values are better. */
    boolean higherIsBetter();

    /** The architectures, in the table's order. */
    List<Architecture> architectures();

    /**
     * The measured value of {@code architecture}.
     *
     * @throws IllegalArgumentException when the table has no such architecture
     */
    double value(Architecture architecture);

    /**
     * Zero-cost proxy scores the table records for its architectures, by proxy name;
     * empty when it records none.
     */
    Map<String, ProxyScorer> proxies();

    /**
     * A learning-curve feature, such as the validation accuracy after 12 of 200
     * epochs, when the table records one.
     */
    Optional<ProxyScorer> learningCurve();
}
