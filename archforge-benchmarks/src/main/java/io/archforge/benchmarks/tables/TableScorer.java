package io.archforge.benchmarks.tables;

import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/** A {@link ProxyScorer} that looks its score up in a table. */
record TableScorer(String name, ToDoubleFunction<Architecture> lookup) implements ProxyScorer {

    TableScorer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lookup, "lookup");
    }

    @Override
    public double score(Architecture architecture) {
        return lookup.applyAsDouble(architecture);
    }
}
