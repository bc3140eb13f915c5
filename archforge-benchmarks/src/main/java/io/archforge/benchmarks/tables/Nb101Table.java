package io.archforge.benchmarks.tables;

import io.archforge.space.Architecture;
import io.archforge.space.Nb101Space;
import java.util.List;
import java.util.Map;

/**
 * The 500 NAS-Bench-101 cells for which NASLib published zero-cost proxy scores, with
 * their CIFAR-10 validation accuracy in percent after 108 epochs, as NASLib queried it
 * from NAS-Bench-101 (Ying, Klein, Real, Christiansen, Murphy and Hutter,
 * "NAS-Bench-101: Towards Reproducible Neural Architecture Search", ICML 2019).
 *
 * <p>The proxies are every score of NASLib's file, keyed by its names: epe_nas, fisher,
 * flops, grad_norm, grasp, jacov, l2_norm, params, plain, snip and synflow. Params and
 * flops are NASLib's counts for the network it scored, params in millions. Scores are
 * served as published, without a change of sign. The shipped resource is a gzip
 * CSV converted from NASLib's JSON file; archforge-benchmarks/NOTICE gives its source.
 *
 * <p>NOTE: NASLib stored the unpruned cells it sampled, and many prune to the same
 * network. The 500 rows hold far fewer distinct pruned cells, and the plain input-to-
 * output cell alone fills dozens of rows whose accuracies differ only by training seed.
 * Predictor benchmarks that split these rows into training and test sets can therefore
 * see the same network on both sides unless they group rows by {@link Nb101Space#prune},
 * as {@link io.archforge.benchmarks.predictors.PredictorBenchmark} does.
 */
public final class Nb101Table extends NaslibZeroCostTable {

    /** The class-path resource. */
    public static final String RESOURCE = "/io/archforge/benchmarks/tables/nb101-zc-500.csv.gz";

    private Nb101Table(NaslibZeroCostCsv rows) {
        super("nb101", Nb101Space.create(), rows);
    }

    /**
     * Reads the shipped table.
     *
     * @throws IllegalStateException when the resource is missing from the class path
     */
    public static Nb101Table load() {
        return new Nb101Table(NaslibZeroCostCsv.load("nb101", RESOURCE, Nb101Table::cell));
    }

    /**
     * Builds a row's cell from its {@code adjacency} column, the 21 upper-triangle
     * entries row by row as 0 and 1, and its {@code operations} column, the names of
     * nodes 1 to 5 separated by spaces.
     */
    private static Architecture cell(Map<String, String> columns) {
        String adjacency = columns.get("adjacency");
        if (adjacency == null || !adjacency.matches("[01]{21}")) {
            throw new IllegalStateException("NAS-Bench-101 row has the invalid adjacency '"
                    + adjacency + "'; expected 21 digits 0 or 1");
        }
        boolean[][] matrix = new boolean[Nb101Space.NODES][Nb101Space.NODES];
        int next = 0;
        for (int from = 0; from < Nb101Space.NODES; from++) {
            for (int to = from + 1; to < Nb101Space.NODES; to++) {
                matrix[from][to] = adjacency.charAt(next++) == '1';
            }
        }
        return Nb101Space.of(matrix, List.of(columns.get("operations").split(" ")));
    }
}
