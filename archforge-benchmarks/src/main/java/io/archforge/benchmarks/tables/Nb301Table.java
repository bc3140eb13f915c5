package io.archforge.benchmarks.tables;

import io.archforge.space.Architecture;
import io.archforge.space.DartsSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 725 DARTS architectures for which NASLib published zero-cost proxy scores, with
 * their CIFAR-10 validation accuracy in percent as NASLib queried it from the
 * NAS-Bench-301 surrogate (Zela, Siems, Zimmer, Lukasik, Keuper and Hutter, "Surrogate
 * NAS Benchmarks: Going Beyond the Limited Search Spaces of Tabular NAS Benchmarks",
 * ICLR 2022). The values are surrogate predictions, not measured trainings.
 *
 * <p>The proxies are every score of NASLib's file, keyed by its names: epe_nas, fisher,
 * flops, grad_norm, grasp, jacov, l2_norm, nwot, params, plain, snip and synflow. Params
 * and flops are NASLib's counts for the network it scored, params in millions. Scores
 * are served as published, without a change of sign; the time NASLib spent on each
 * score is not shipped. The resource is a gzip CSV converted from NASLib's JSON file;
 * archforge-benchmarks/NOTICE gives its source.
 */
public final class Nb301Table extends NaslibZeroCostTable {

    /** The class-path resource. */
    public static final String RESOURCE = "/io/archforge/benchmarks/tables/nb301-zc-725.csv.gz";

    private Nb301Table(NaslibZeroCostCsv rows) {
        super("nb301", DartsSpace.create(), rows);
    }

    /**
     * Reads the shipped table.
     *
     * @throws IllegalStateException when the resource is missing from the class path
     */
    public static Nb301Table load() {
        return new Nb301Table(NaslibZeroCostCsv.load("nb301", RESOURCE, Nb301Table::genotype));
    }

    /** Builds a row's architecture from its {@code normal} and {@code reduction} columns. */
    private static Architecture genotype(Map<String, String> columns) {
        return DartsSpace.of(edges(columns.get("normal")), edges(columns.get("reduction")));
    }

    /** Parses eight {@code input:operation} pairs separated by spaces. */
    private static List<DartsSpace.Edge> edges(String cell) {
        List<DartsSpace.Edge> edges = new ArrayList<>();
        for (String pair : cell.split(" ")) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("NAS-Bench-301 row has the invalid edge '"
                        + pair + "'; expected input:operation");
            }
            edges.add(new DartsSpace.Edge(Integer.parseInt(pair.substring(0, colon)),
                    pair.substring(colon + 1)));
        }
        return edges;
    }
}
