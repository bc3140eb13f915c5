package io.archforge.benchmarks.tables;

import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.NasBenchGraphSpace;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The NAS-Bench-Graph tables (Qin et al., "NAS-Bench-Graph: Benchmarking Graph Neural
 * Architecture Search", NeurIPS 2022) of one citation data set: Cora, CiteSeer or
 * PubMed, node classification. Each of the benchmark's 26,206 architectures of
 * {@link NasBenchGraphSpace#create()} has its validation and test accuracy (fractions
 * from 0 to 1, the benchmark's {@code valid_perf} and {@code perf}), its parameter count
 * in millions and its measured inference latency in seconds.
 *
 * <p>The benchmark keeps one architecture of each group that its rule finds equivalent,
 * so the table already has one per class. NOTE: an architecture outside those 26,206,
 * such as a reordering of one of them, is not mapped to its representative and is
 * rejected.
 *
 * <p>{@link #proxies()} offers {@code params} and {@code latency} as cheap features,
 * both scored so that larger networks score higher. The latency is a measurement from
 * the benchmark's runs, not a zero-cost proxy. Sources and licence are in the module's
 * NOTICE file. Instances are immutable and thread-safe.
 */
public final class NasBenchGraphTable implements ArchitectureTable {

    /** The benchmark name. */
    public static final String BENCHMARK = NasBenchGraphSpace.NAME;

    /** The data sets. */
    public static final List<String> DATASETS = List.of("cora", "citeseer", "pubmed");

    /** The metric name of {@link #value}. */
    public static final String METRIC = "valid_accuracy";

    /** The proxy name of the parameter count, in millions. */
    public static final String PARAMS = "params";

    /** The proxy name of the measured latency, in seconds. */
    public static final String LATENCY = "latency";

    /** The number of architectures the benchmark trained on each data set. */
    public static final int ARCHITECTURE_COUNT = 26_206;

    /**
     * The class-path resource of a data set, with {@code %s} for its name: a gzip CSV
     * with the columns of {@link #header()}, one row per architecture in hash order.
     */
    public static final String RESOURCE_PATTERN =
            "/io/archforge/benchmarks/tables/nasbench-graph-%s.csv.gz";

    /** The base of the benchmark's hash: one digit per operation, with 9 unused. */
    private static final int BASE = 10;
    private static final int HASHES = NasBenchGraphSpace.LINK_PATTERNS.size()
            * BASE * BASE * BASE * BASE;
    private static final ChoiceSpace SPACE = NasBenchGraphSpace.create();

    private final String dataset;
    private final List<Architecture> architectures;
    private final int[] rowByHash;
    private final double[] valid;
    private final double[] test;
    private final double[] latency;
    private final double[] params;
    private final Map<String, ProxyScorer> proxies;

    private NasBenchGraphTable(String dataset, List<Architecture> architectures,
            int[] rowByHash, double[][] columns) {
        this.dataset = dataset;
        this.architectures = List.copyOf(architectures);
        this.rowByHash = rowByHash;
        this.valid = columns[0];
        this.test = columns[1];
        this.latency = columns[2];
        this.params = columns[3];
        this.proxies = Map.of(
                PARAMS, new TableScorer(PARAMS, this::paramsMillions),
                LATENCY, new TableScorer(LATENCY, this::latencySeconds));
    }

    /**
     * Loads the table of {@code dataset} from the shipped resource.
     *
     * @throws IllegalArgumentException naming the data set and the valid ones
     * @throws IllegalStateException when the resource is missing or malformed
     */
    public static NasBenchGraphTable load(String dataset) {
        Objects.requireNonNull(dataset, "dataset");
        if (!DATASETS.contains(dataset)) {
            throw new IllegalArgumentException("unknown NAS-Bench-Graph data set '" + dataset
                    + "'; valid data sets are " + String.join(", ", DATASETS));
        }
        String resource = String.format(RESOURCE_PATTERN, dataset);
        List<String[]> rows = TableResource.read(resource, header());
        if (rows.size() != ARCHITECTURE_COUNT) {
            throw new IllegalStateException(resource + " has " + rows.size()
                    + " rows, expected " + ARCHITECTURE_COUNT);
        }
        int[] rowByHash = new int[HASHES];
        Arrays.fill(rowByHash, -1);
        List<Architecture> architectures = new ArrayList<>(rows.size());
        double[][] columns = new double[4][rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            String[] fields = rows.get(row);
            int hash = parseHash(resource, fields[0]);
            if (rowByHash[hash] >= 0) {
                throw new IllegalStateException(resource + " repeats hash " + hash);
            }
            rowByHash[hash] = row;
            architectures.add(decode(hash));
            for (int column = 0; column < columns.length; column++) {
                columns[column][row] = Double.parseDouble(fields[column + 1]);
            }
        }
        return new NasBenchGraphTable(dataset, architectures, rowByHash, columns);
    }

    /** The resource's column names. */
    static List<String> header() {
        return List.of("hash", "valid_perf", "test_perf", "latency_s", "params_M");
    }

    private static int parseHash(String resource, String field) {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(resource + " has the hash '" + field
                    + "'; expected an integer", e);
        }
    }

    /**
     * Decodes the benchmark's hash, {@code (((p*10 + o1)*10 + o2)*10 + o3)*10 + o4} for
     * link pattern {@code p} and layer operations {@code o1..o4}, each an index into
     * {@link NasBenchGraphSpace#LINK_PATTERNS} and {@link NasBenchGraphSpace#OPERATIONS}.
     *
     * @throws IllegalArgumentException when a digit names no pattern or operation
     */
    public static Architecture decode(int hash) {
        if (hash < 0 || hash >= HASHES) {
            throw new IllegalArgumentException("NAS-Bench-Graph hash " + hash
                    + " is outside [0, " + (HASHES - 1) + "]");
        }
        List<Number> genes = new ArrayList<>(NasBenchGraphSpace.LAYERS + 1);
        int rest = hash;
        for (int layer = 0; layer < NasBenchGraphSpace.LAYERS; layer++) {
            genes.add(0, rest % BASE);
            rest /= BASE;
        }
        genes.add(0, rest);
        try {
            return SPACE.of(genes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("NAS-Bench-Graph hash " + hash
                    + " has an operation digit 9, which names no operation", e);
        }
    }

    /**
     * Encodes {@code architecture} as the benchmark's hash; see {@link #decode}.
     *
     * @throws IllegalArgumentException when it is not of the nasbench-graph space
     */
    public static int hash(Architecture architecture) {
        checkSpace(architecture);
        int hash = 0;
        for (Number gene : architecture.genes()) {
            hash = hash * BASE + gene.intValue();
        }
        return hash;
    }

    @Override
    public String benchmark() {
        return BENCHMARK;
    }

    @Override
    public String dataset() {
        return dataset;
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    /** {@value #METRIC}: the validation accuracy, a fraction from 0 to 1. */
    @Override
    public String metric() {
        return METRIC;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    /** The benchmark's architectures, in hash order. */
    @Override
    public List<Architecture> architectures() {
        return architectures;
    }

    /**
     * The validation accuracy of {@code architecture}, a fraction from 0 to 1.
     *
     * @throws IllegalArgumentException when the table lacks the architecture
     */
    @Override
    public double value(Architecture architecture) {
        return valid[row(architecture)];
    }

    /**
     * The test accuracy of {@code architecture}, a fraction from 0 to 1.
     *
     * @throws IllegalArgumentException when the table lacks the architecture
     */
    public double testAccuracy(Architecture architecture) {
        return test[row(architecture)];
    }

    /**
     * The measured inference latency of {@code architecture}, in seconds.
     *
     * @throws IllegalArgumentException when the table lacks the architecture
     */
    public double latencySeconds(Architecture architecture) {
        return latency[row(architecture)];
    }

    /**
     * The parameter count of {@code architecture}, in millions.
     *
     * @throws IllegalArgumentException when the table lacks the architecture
     */
    public double paramsMillions(Architecture architecture) {
        return params[row(architecture)];
    }

    /** {@value #PARAMS} (millions) and {@value #LATENCY} (seconds). */
    @Override
    public Map<String, ProxyScorer> proxies() {
        return proxies;
    }

    /** Empty: the shipped data has no learning curves. */
    @Override
    public Optional<ProxyScorer> learningCurve() {
        return Optional.empty();
    }

    private int row(Architecture architecture) {
        int row = rowByHash[hash(architecture)];
        if (row < 0) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is not among the " + architectures.size() + " NAS-Bench-Graph "
                    + "architectures of " + dataset + "; the benchmark trained one of each"
                    + " equivalent group, so an equivalent one may be listed instead");
        }
        return row;
    }

    private static void checkSpace(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(SPACE.name())
                || architecture.genes().size() != SPACE.choices().size()) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' of space '" + architecture.space() + "' is not of space '"
                    + SPACE.name() + "'; build it with NasBenchGraphSpace.create()");
        }
    }
}
