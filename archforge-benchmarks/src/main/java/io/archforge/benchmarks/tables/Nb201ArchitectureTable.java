package io.archforge.benchmarks.tables;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Proxies;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The NAS-Bench-201 tables ({@link Nb201Table}) of one data set as an
 * {@link ArchitectureTable}: one cell per isomorphism class, 6,466 in all, each the
 * class's first cell in the benchmark's index order.
 *
 * <p>{@link #value} is the 200-epoch test accuracy in percent. The proxies are
 * {@code synflow} (computed on the CIFAR-10 network for every data set, from
 * {@code Nb201ProxyTable}) and {@code params} and {@code flops} of the data set's
 * network (from {@code Nb201NetworkCost}), all served by {@link Nb201Proxies}. The
 * learning curve is the validation accuracy in percent after 12 epochs, named
 * {@value Nb201Evaluator#VALID_ACCURACY_12EP}. {@link #value}, the proxies and the
 * learning curve accept every one of the 15,625 cells, not only the listed ones.
 * Instances are immutable and thread-safe.
 */
public final class Nb201ArchitectureTable implements ArchitectureTable {

    /** The benchmark name. */
    public static final String BENCHMARK = "nb201";

    /** The metric name of {@link #value}. */
    public static final String METRIC = Nb201Evaluator.TEST_ACCURACY;

    private final Nb201Table table;
    private final Nb201Dataset dataset;
    private final List<Architecture> architectures;
    private final Map<String, ProxyScorer> proxies;
    private final ProxyScorer learningCurve;

    private Nb201ArchitectureTable(Nb201Table table, Nb201Dataset dataset) {
        this.table = table;
        this.dataset = dataset;
        this.architectures = classRepresentatives(table);
        Map<String, ProxyScorer> scorers = new LinkedHashMap<>();
        for (String name : List.of("synflow", "params", "flops")) {
            scorers.put(name, Nb201Proxies.scorer(table, dataset, name));
        }
        this.proxies = Map.copyOf(scorers);
        this.learningCurve = new TableScorer(Nb201Evaluator.VALID_ACCURACY_12EP,
                cell -> table.validAccuracy12(table.indexOf(cell), dataset));
    }

    /**
     * Wraps the tables for {@code dataset}.
     *
     * @throws IllegalArgumentException naming the data set and the valid ones
     */
    public static Nb201ArchitectureTable of(Nb201Table table, String dataset) {
        Objects.requireNonNull(table, "table");
        return new Nb201ArchitectureTable(table, Nb201Dataset.parse(dataset));
    }

    /**
     * Loads the shipped tables for {@code dataset}.
     *
     * @throws IllegalArgumentException naming the data set and the valid ones
     */
    public static Nb201ArchitectureTable load(String dataset) {
        Nb201Dataset parsed = Nb201Dataset.parse(dataset);
        return new Nb201ArchitectureTable(Nb201Table.load(), parsed);
    }

    private static List<Architecture> classRepresentatives(Nb201Table table) {
        boolean[] seen = new boolean[table.isoClassCount()];
        List<Architecture> representatives = new ArrayList<>(table.isoClassCount());
        for (int index = 0; index < table.size(); index++) {
            int isoClass = table.isoClass(index);
            if (!seen[isoClass]) {
                seen[isoClass] = true;
                representatives.add(table.architecture(index));
            }
        }
        return List.copyOf(representatives);
    }

    @Override
    public String benchmark() {
        return BENCHMARK;
    }

    @Override
    public String dataset() {
        return dataset.id();
    }

    @Override
    public SearchSpace space() {
        return table.space();
    }

    /** {@value #METRIC}: the 200-epoch test accuracy, in percent. */
    @Override
    public String metric() {
        return METRIC;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    /** The first cell of each isomorphism class, in the benchmark's index order. */
    @Override
    public List<Architecture> architectures() {
        return architectures;
    }

    /**
     * The 200-epoch test accuracy of {@code architecture} in percent, the mean over the
     * benchmark's seeds.
     *
     * @throws IllegalArgumentException when it is not a cell of the nb201 space
     */
    @Override
    public double value(Architecture architecture) {
        return table.testAccuracy(table.indexOf(architecture), dataset);
    }

    /** {@code synflow}, {@code params} (millions) and {@code flops} (millions). */
    @Override
    public Map<String, ProxyScorer> proxies() {
        return proxies;
    }

    /** The 12-epoch validation accuracy, in percent. */
    @Override
    public Optional<ProxyScorer> learningCurve() {
        return Optional.of(learningCurve);
    }
}
