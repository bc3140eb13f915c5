package io.archforge.benchmarks.tables;

import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.space.TransNas101Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The micro space of TransNAS-Bench-101 (Duan et al., "TransNAS-Bench-101: Improving
 * Transferability and Generalizability of Cross-Task Neural Architecture Search", CVPR
 * 2021) on one of its seven Taskonomy tasks, with the final validation metric of each
 * cell and its Zen-NAS proxy score. Cells are architectures of
 * {@link TransNas101Space#create()}.
 *
 * <p>{@link #value} is the metric NASLib reads as the validation accuracy of each task.
 * Higher is better on every task:
 * <ul>
 *   <li>{@code class_object}, {@code class_scene}: top-1 accuracy in percent, over 100
 *       object and 63 scene classes;</li>
 *   <li>{@code jigsaw}: top-1 accuracy in percent over the 1,000 tile permutations;</li>
 *   <li>{@code segmentsemantic}: pixel accuracy in percent;</li>
 *   <li>{@code autoencoder}, {@code normal}: SSIM of the predicted image, from 0 to 1;</li>
 *   <li>{@code room_layout}: the negated L2 loss of the layout regression, so every
 *       value is negative and the best is the closest to 0.</li>
 * </ul>
 * The Zen score is NASLib's, computed per task on the untrained network. NASLib
 * recorded -10^8 for the 169 cells whose output does not depend on their input, and
 * {@code zen} returns that value unchanged.
 *
 * <p>The benchmark trained all 4,096 cells. {@link #architectures()} lists one cell per
 * network, the first in the benchmark's order, so that a train and test split does not
 * put one network on both sides: 1,730 cells. A cell is dropped when an earlier one
 * shares both its isomorphism key in the space and its key in the network's three
 * downsampling cells, where a {@code skip_connect} edge leaving node 0 is a factorized
 * reduction and so not the identity. NOTE: both keys follow the NAS-Bench-201 rule,
 * which can give one sum of paths two keys, so a few listed cells may still build equal
 * networks. {@link #value} and the proxy accept every one of the 4,096 cells. Sources
 * and licence are in the module's NOTICE file. Instances are immutable and thread-safe.
 */
public final class TransNas101Table implements ArchitectureTable {

    /** The benchmark name. */
    public static final String BENCHMARK = TransNas101Space.NAME;

    /** The tasks, which serve as the data sets. */
    public static final List<String> TASKS = List.of("autoencoder", "class_object",
            "class_scene", "jigsaw", "normal", "room_layout", "segmentsemantic");

    /** The metric name of {@link #value}. */
    public static final String METRIC = "valid_metric";

    /** The name of the Zen-NAS proxy. */
    public static final String ZEN = "zen";

    /**
     * The class-path resource: a gzip CSV with one row per cell in the benchmark's order
     * (NASLib's {@code idx}), the column {@code ops} (the six operation indices as digits),
     * then {@code TASK.valid_metric} and {@code TASK.zen} for each task.
     */
    public static final String RESOURCE =
            "/io/archforge/benchmarks/tables/transnas101-micro.csv.gz";

    /** The number of cells the benchmark trained, {@code 4^6}. */
    public static final int CELL_COUNT = 4096;

    private static final CellSpace SPACE = TransNas101Space.create();
    private static final int EDGES = 6;
    private static final int OPERATIONS = 4;

    /** The index of {@code skip_connect}, and the extra operation that stands for it. */
    private static final int SKIP = 1;
    private static final int FACTORIZED_REDUCE = 4;
    private static final CellSpace REDUCTION_SPACE = new CellSpace("transnas101-reduction", 4,
            List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "factorized_reduce"),
            "none", "skip_connect");

    private final String task;
    private final double[] values;
    private final double[] zen;
    private final List<Architecture> architectures;
    private final Map<String, ProxyScorer> proxies;

    private TransNas101Table(String task, double[] values, double[] zen,
            List<Architecture> architectures) {
        this.task = task;
        this.values = values;
        this.zen = zen;
        this.architectures = List.copyOf(architectures);
        this.proxies = Map.of(ZEN, new TableScorer(ZEN, this::zen));
    }

    /**
     * Loads the table of {@code task} from the shipped resource.
     *
     * @throws IllegalArgumentException naming the task and the valid ones
     * @throws IllegalStateException when the resource is missing or malformed
     */
    public static TransNas101Table load(String task) {
        Objects.requireNonNull(task, "task");
        if (!TASKS.contains(task)) {
            throw new IllegalArgumentException("unknown TransNAS-Bench-101 task '" + task
                    + "'; valid tasks are " + String.join(", ", TASKS));
        }
        List<String> header = header();
        int valueColumn = header.indexOf(task + "." + METRIC);
        int zenColumn = header.indexOf(task + "." + ZEN);
        double[] values = new double[CELL_COUNT];
        double[] zen = new double[CELL_COUNT];
        Arrays.fill(values, Double.NaN);
        List<Architecture> order = new ArrayList<>(CELL_COUNT);
        for (String[] row : TableResource.read(RESOURCE, header)) {
            Architecture cell = cell(row[0]);
            int code = code(cell);
            if (!Double.isNaN(values[code])) {
                throw new IllegalStateException(RESOURCE + " repeats cell " + cell.text());
            }
            values[code] = Double.parseDouble(row[valueColumn]);
            zen[code] = Double.parseDouble(row[zenColumn]);
            order.add(cell);
        }
        if (order.size() != CELL_COUNT) {
            throw new IllegalStateException(RESOURCE + " has " + order.size()
                    + " cells, expected " + CELL_COUNT);
        }
        return new TransNas101Table(task, values, zen, distinctNetworks(order));
    }

    /** The resource's column names. */
    static List<String> header() {
        List<String> header = new ArrayList<>(List.of("ops"));
        for (String name : TASKS) {
            header.add(name + "." + METRIC);
            header.add(name + "." + ZEN);
        }
        return List.copyOf(header);
    }

    /** Builds the cell whose operation indices are the digits of {@code ops}. */
    static Architecture cell(String ops) {
        if (ops.length() != EDGES || !ops.chars().allMatch(c -> c >= '0' && c < '0' + OPERATIONS)) {
            throw new IllegalStateException(RESOURCE + " has the cell '" + ops
                    + "'; expected six digits from 0 to 3");
        }
        return SPACE.of(ops.chars().map(c -> c - '0').boxed().toList());
    }

    /** Keeps the first cell of each distinct network, in the given order. */
    private static List<Architecture> distinctNetworks(List<Architecture> order) {
        Set<String> seen = new HashSet<>();
        List<Architecture> kept = new ArrayList<>();
        for (Architecture cell : order) {
            if (seen.add(networkKey(cell))) {
                kept.add(cell);
            }
        }
        return kept;
    }

    /**
     * Returns the key that two cells share when they build the same network: the space's
     * isomorphism key, which describes the normal cells, and the key of the downsampling
     * cells, where a {@code skip_connect} edge leaving node 0 is a factorized reduction.
     */
    static String networkKey(Architecture cell) {
        List<Number> genes = new ArrayList<>(cell.genes());
        List<CellSpace.Edge> edges = SPACE.edges();
        for (int edge = 0; edge < EDGES; edge++) {
            if (edges.get(edge).from() == 0 && cell.intGene(edge) == SKIP) {
                genes.set(edge, FACTORIZED_REDUCE);
            }
        }
        return cell.isomorphismKey() + " / " + REDUCTION_SPACE.of(genes).isomorphismKey();
    }

    @Override
    public String benchmark() {
        return BENCHMARK;
    }

    /** The task. */
    @Override
    public String dataset() {
        return task;
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    /** {@value #METRIC}; {@link TransNas101Table} lists the metric and unit of each task. */
    @Override
    public String metric() {
        return METRIC;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    /** One cell per distinct network, in the benchmark's order. */
    @Override
    public List<Architecture> architectures() {
        return architectures;
    }

    /**
     * The final validation metric of {@code architecture} on this table's task.
     *
     * @throws IllegalArgumentException when it is not a cell of the transnas101 space
     */
    @Override
    public double value(Architecture architecture) {
        return values[code(checkCell(architecture))];
    }

    /**
     * The Zen-NAS score of {@code architecture} on this table's task, -10^8 for a cell
     * whose output does not depend on its input.
     *
     * @throws IllegalArgumentException when it is not a cell of the transnas101 space
     */
    public double zen(Architecture architecture) {
        return zen[code(checkCell(architecture))];
    }

    /** {@value #ZEN}. */
    @Override
    public Map<String, ProxyScorer> proxies() {
        return proxies;
    }

    /** Empty: the shipped data has no learning curves. */
    @Override
    public Optional<ProxyScorer> learningCurve() {
        return Optional.empty();
    }

    private static Architecture checkCell(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(SPACE.name()) || architecture.genes().size() != EDGES) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' of space '" + architecture.space() + "' is not a cell of space '"
                    + SPACE.name() + "'; parse it with TransNas101Space.create()");
        }
        return architecture;
    }

    /** The cell's genes as a base-4 number, first gene most significant. */
    private static int code(Architecture cell) {
        int code = 0;
        for (int edge = 0; edge < EDGES; edge++) {
            code = code * OPERATIONS + cell.intGene(edge);
        }
        return code;
    }
}
