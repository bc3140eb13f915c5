package io.archforge.predictor.surrogate;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Grows the regression trees of a {@link RandomForest} on one training set: each tree
 * on a bootstrap sample, choosing every split among a random subset of the features
 * by the largest decrease in squared error.
 *
 * <p>The rows are sorted by every feature once per training set. Each tree keeps, for
 * every feature, its sampled rows in that order, arranged so that each node's rows
 * form one contiguous segment. A split then scans a segment in feature order and
 * partitions it stably, so growing a tree costs about {@code n * p * depth} steps for
 * {@code n} rows and {@code p} features, with no sorting.
 *
 * <p>A row drawn {@code k} times into the bootstrap sample counts as {@code k} rows in
 * the leaf sizes and the squared error. Instances are not thread-safe.
 */
final class TreeGrower {

    /** One node waiting to be split or made a leaf: its rows are {@code [start, end)}. */
    private record Pending(int node, int start, int end, int depth, int weight, double sum) {
    }

    private final double[][] columns;
    private final double[] targets;
    private final int[][] sortedRows;
    private final int minLeafSize;
    private final int splitCandidates;
    private final int maxDepth;
    private final RandomGenerator random;

    private final int[] weights;
    private final int[][] segments;
    private final boolean[] goesLeft;
    private final int[] buffer;
    private final int[] featureOrder;

    private int bestFeature;
    private double bestThreshold;
    private double bestScore;

    /**
     * Prepares to grow trees on {@code inputs}, whose lengths must all be equal, and
     * their finite {@code targets}.
     */
    TreeGrower(List<double[]> inputs, double[] targets, RandomForest.Settings settings,
            RandomGenerator random) {
        int rows = inputs.size();
        int features = inputs.get(0).length;
        this.columns = new double[features][rows];
        for (int row = 0; row < rows; row++) {
            double[] input = inputs.get(row);
            for (int f = 0; f < features; f++) {
                columns[f][row] = input[f];
            }
        }
        this.targets = targets.clone();
        this.sortedRows = new int[features][];
        for (int f = 0; f < features; f++) {
            double[] column = columns[f];
            sortedRows[f] = IntStream.range(0, rows).boxed()
                    .sorted(Comparator.comparingDouble(row -> column[row]))
                    .mapToInt(Integer::intValue).toArray();
        }
        this.minLeafSize = settings.minLeafSize();
        this.splitCandidates = settings.splitCandidates(features);
        this.maxDepth = settings.maxDepth();
        this.random = random;
        this.weights = new int[rows];
        this.segments = new int[features][rows];
        this.goesLeft = new boolean[rows];
        this.buffer = new int[rows];
        this.featureOrder = IntStream.range(0, features).toArray();
    }

    /** Grows one tree on a fresh bootstrap sample of the rows. */
    RegressionTree grow() {
        int sampled = drawBootstrap();
        TreeBuilder builder = new TreeBuilder(2 * sampled - 1);
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(builder.addNode(), 0, sampled, 0, totalWeight(0, sampled),
                weightedSum(0, sampled)));

        while (!pending.isEmpty()) {
            Pending node = pending.pop();
            double mean = node.sum() / node.weight();
            if (!canSplit(node) || !findSplit(node)) {
                builder.setLeaf(node.node(), mean);
                continue;
            }

            // Both children get at least one distinct row, so the capacity of
            // 2 * sampled - 1 nodes is never exceeded.
            int middle = partition(node.start(), node.end());
            int left = builder.addNode();
            int right = builder.addNode();
            builder.setSplit(node.node(), bestFeature, bestThreshold, left, right, mean);
            int leftWeight = totalWeight(node.start(), middle);
            double leftSum = weightedSum(node.start(), middle);
            pending.push(new Pending(right, middle, node.end(), node.depth() + 1,
                    node.weight() - leftWeight, node.sum() - leftSum));
            pending.push(new Pending(left, node.start(), middle, node.depth() + 1,
                    leftWeight, leftSum));
        }
        return builder.build();
    }

    /**
     * Draws {@code n} rows with replacement into {@link #weights}, then lays out every
     * feature's segment array with the drawn rows in that feature's order.
     *
     * @return the number of distinct rows drawn
     */
    private int drawBootstrap() {
        int rows = targets.length;
        Arrays.fill(weights, 0);
        for (int draw = 0; draw < rows; draw++) {
            weights[random.nextInt(rows)]++;
        }
        int sampled = 0;
        for (int f = 0; f < columns.length; f++) {
            int[] segment = segments[f];
            sampled = 0;
            for (int row : sortedRows[f]) {
                if (weights[row] > 0) {
                    segment[sampled++] = row;
                }
            }
        }
        return sampled;
    }

    private boolean canSplit(Pending node) {
        if (node.depth() >= maxDepth || node.weight() < 2 * minLeafSize) {
            return false;
        }
        int[] rows = segments[0];
        double first = targets[rows[node.start()]];
        for (int k = node.start() + 1; k < node.end(); k++) {
            if (targets[rows[k]] != first) {
                return true;
            }
        }
        return false;
    }

    /**
     * Searches {@link #splitCandidates} features drawn without replacement for the
     * split with the least squared error, leaving it in the {@code best} fields. When
     * none of them separates the node's rows, the search goes on through the remaining
     * features in random order until one does.
     *
     * @return whether a split was found
     */
    private boolean findSplit(Pending node) {
        int features = featureOrder.length;
        bestFeature = RegressionTree.LEAF;
        bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < features; i++) {
            if (i >= splitCandidates && bestFeature != RegressionTree.LEAF) {
                break;
            }
            int j = i + random.nextInt(features - i);
            int feature = featureOrder[j];
            featureOrder[j] = featureOrder[i];
            featureOrder[i] = feature;
            scanFeature(feature, node);
        }
        return bestFeature != RegressionTree.LEAF;
    }

    /**
     * Scores every threshold between consecutive distinct values of {@code feature}
     * in the node. Minimising the children's squared error is the same as maximising
     * {@code sumL^2 / wL + sumR^2 / wR}, which needs only running sums.
     */
    private void scanFeature(int feature, Pending node) {
        double[] column = columns[feature];
        int[] rows = segments[feature];
        int leftWeight = 0;
        double leftSum = 0;
        double previous = column[rows[node.start()]];
        for (int k = node.start(); k < node.end(); k++) {
            int row = rows[k];
            double value = column[row];
            if (value > previous) {
                int rightWeight = node.weight() - leftWeight;
                if (rightWeight < minLeafSize) {
                    return;
                }
                if (leftWeight >= minLeafSize) {
                    double rightSum = node.sum() - leftSum;
                    double score = leftSum * leftSum / leftWeight
                            + rightSum * rightSum / rightWeight;
                    if (score > bestScore) {
                        bestScore = score;
                        bestFeature = feature;
                        bestThreshold = midpoint(previous, value);
                    }
                }
                previous = value;
            }
            leftWeight += weights[row];
            leftSum += weights[row] * targets[row];
        }
    }

    /** Picks a threshold {@code t} with {@code low <= t < high}, halfway where doubles allow. */
    private static double midpoint(double low, double high) {
        double middle = low + (high - low) / 2;
        return middle < high ? middle : low;
    }

    /**
     * Splits the segment {@code [start, end)} of every feature stably into the rows at
     * or below the best threshold followed by the rest.
     *
     * @return the index where the right child's rows begin
     */
    private int partition(int start, int end) {
        double[] column = columns[bestFeature];
        int[] rows = segments[0];
        for (int k = start; k < end; k++) {
            goesLeft[rows[k]] = column[rows[k]] <= bestThreshold;
        }
        int middle = start;
        for (int[] segment : segments) {
            int left = start;
            int right = 0;
            for (int k = start; k < end; k++) {
                int row = segment[k];
                if (goesLeft[row]) {
                    segment[left++] = row;
                } else {
                    buffer[right++] = row;
                }
            }
            System.arraycopy(buffer, 0, segment, left, right);
            middle = left;
        }
        return middle;
    }

    private int totalWeight(int start, int end) {
        int total = 0;
        for (int k = start; k < end; k++) {
            total += weights[segments[0][k]];
        }
        return total;
    }

    private double weightedSum(int start, int end) {
        double sum = 0;
        for (int k = start; k < end; k++) {
            int row = segments[0][k];
            sum += weights[row] * targets[row];
        }
        return sum;
    }

    /** Node arrays filled as the tree grows, trimmed to size by {@link #build}. */
    private static final class TreeBuilder {

        private final int[] features;
        private final double[] thresholds;
        private final int[] lefts;
        private final int[] rights;
        private final double[] values;
        private int size;

        TreeBuilder(int capacity) {
            features = new int[capacity];
            thresholds = new double[capacity];
            lefts = new int[capacity];
            rights = new int[capacity];
            values = new double[capacity];
        }

        int addNode() {
            return size++;
        }

        void setLeaf(int node, double value) {
            features[node] = RegressionTree.LEAF;
            values[node] = value;
        }

        void setSplit(int node, int feature, double threshold, int left, int right,
                double value) {
            features[node] = feature;
            thresholds[node] = threshold;
            lefts[node] = left;
            rights[node] = right;
            values[node] = value;
        }

        RegressionTree build() {
            return new RegressionTree(Arrays.copyOf(features, size),
                    Arrays.copyOf(thresholds, size), Arrays.copyOf(lefts, size),
                    Arrays.copyOf(rights, size), Arrays.copyOf(values, size));
        }
    }
}
