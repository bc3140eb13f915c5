package io.archforge.benchmarks.nb201;

import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import java.util.List;
import java.util.Objects;

/**
 * Zero-cost proxies of NAS-Bench-201 cells that need no network at search time:
 * {@code params} and {@code flops} of the benchmark's network for a data set, from
 * {@link Nb201NetworkCost}, which matches the benchmark's own counts, and
 * {@code synflow} from {@link Nb201ProxyTable}, computed once for every cell on the
 * CIFAR-10 network and served for all three data sets. All score larger or
 * better-connected networks higher, the convention of the zero-cost proxy literature.
 */
public final class Nb201Proxies {

    private Nb201Proxies() {
    }

    /** Returns the proxy names served here. */
    public static List<String> names() {
        return List.of("params", "flops", "synflow");
    }

    /**
     * Returns the scorer named {@code name} for cells of {@code table} on {@code dataset}.
     *
     * @throws IllegalArgumentException naming the proxy and the ones served
     */
    public static ProxyScorer scorer(Nb201Table table, Nb201Dataset dataset, String name) {
        Objects.requireNonNull(table, "table");
        return switch (name) {
            case "params" -> scorer(name, cell -> Nb201NetworkCost.of(table.genes(table.indexOf(cell)),
                    dataset).params());
            case "flops" -> scorer(name, cell -> Nb201NetworkCost.of(table.genes(table.indexOf(cell)),
                    dataset).flops());
            case "synflow" -> {
                Nb201ProxyTable proxies = SynflowHolder.TABLE;
                yield scorer(name, cell -> proxies.synflow(table.indexOf(cell)));
            }
            default -> throw new IllegalArgumentException("unknown table proxy '" + name
                    + "'; the NAS-Bench-201 tables give " + names());
        };
    }

    /** Loads the synflow table on first use. */
    private static final class SynflowHolder {
        static final Nb201ProxyTable TABLE = Nb201ProxyTable.load();
    }

    private static ProxyScorer scorer(String name, java.util.function.ToDoubleFunction<Architecture> score) {
        return new ProxyScorer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double score(Architecture architecture) {
                return score.applyAsDouble(architecture);
            }
        };
    }
}
