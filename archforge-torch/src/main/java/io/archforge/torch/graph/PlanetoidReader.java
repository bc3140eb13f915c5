package io.archforge.torch.graph;

import io.archforge.torch.data.LineLimitReader;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Reads a node-classification graph from two CSV files in the Planetoid layout.
 *
 * <p>{@value #NODES_FILE}: the header {@code node,label,split,feature_indices}, then
 * one line per node: an integer id, a label (-1 when unlabelled), the split
 * ({@code train}, {@code val}, {@code test}, or {@code none} or empty for
 * no split) and the space-separated indices
 * of the features that are 1. {@value #EDGES_FILE}: the header {@code src,dst}, then
 * one undirected edge per line as two node ids. Columns may come in any order and
 * extra columns are ignored. Node ids need not be consecutive. Labels must be
 * consecutive from 0, and the number of features is the largest index plus one.
 * A file name that ends in {@code .gz} is read through gzip. A line may have at most
 * {@link LineLimitReader#DEFAULT_MAX_CHARS} characters.
 *
 * <p>Every error is a {@link GraphDataException} that names the file, the line and
 * the value.
 */
public final class PlanetoidReader {

    /**
     * The maximum number of features per node. The features are stored densely, so a
     * larger index would take nodes times this many floats of memory.
     */
    static final int MAX_FEATURES = 100_000;

    /** The node file of a graph directory. */
    public static final String NODES_FILE = "nodes.csv";

    /** The edge file of a graph directory. */
    public static final String EDGES_FILE = "edges.csv";

    private static final List<String> NODE_COLUMNS =
            List.of("node", "label", "split", "feature_indices");
    private static final List<String> EDGE_COLUMNS = List.of("src", "dst");

    private PlanetoidReader() {
    }

    /**
     * Reads {@value #NODES_FILE} and {@value #EDGES_FILE} from {@code directory}.
     *
     * @throws GraphDataException when a file is missing or malformed
     */
    public static GraphData read(Path directory) {
        Path nodes = directory.resolve(NODES_FILE);
        Path edges = directory.resolve(EDGES_FILE);
        return read(directory.toString(), nodes.toString(), lines(nodes),
                edges.toString(), lines(edges));
    }

    /**
     * Reads a graph from the lines of its two files.
     *
     * @param source where the graph came from, for provenance
     * @param nodesName the node file's name, for messages
     * @param nodeLines the node file's lines, header first
     * @param edgesName the edge file's name, for messages
     * @param edgeLines the edge file's lines, header first
     * @throws GraphDataException when a file is malformed
     */
    public static GraphData read(String source, String nodesName, List<String> nodeLines,
            String edgesName, List<String> edgeLines) {
        NodeTable nodes = readNodes(nodesName, nodeLines);
        int[][] edges = readEdges(edgesName, edgeLines, nodes.ids());
        try {
            return new GraphData(source, nodes.features(), nodes.classes(), nodes.labels(),
                    nodes.splits(), nodes.featureIndices(), edges[0], edges[1]);
        } catch (IllegalArgumentException e) {
            throw new GraphDataException(nodesName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the lines of {@code file}, through gzip when its name ends in {@code .gz}.
     *
     * @throws GraphDataException when it is missing or unreadable
     */
    public static List<String> lines(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return lines(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new GraphDataException("graph file " + file + " does not exist; a graph"
                    + " directory needs " + NODES_FILE + " and " + EDGES_FILE, e);
        } catch (EOFException e) {
            throw new GraphDataException("graph file " + file + " is truncated: its gzip"
                    + " stream ends early; copy the file again", e);
        } catch (IOException e) {
            throw new GraphDataException("cannot read graph file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Returns the lines of a stream named {@code name}, through gzip when the name ends
     * in {@code .gz}.
     *
     * @throws IOException when the stream cannot be read
     */
    static List<String> lines(String name, InputStream in) throws IOException {
        InputStream data = name.endsWith(".gz") ? new GZIPInputStream(in) : in;
        BufferedReader reader = new BufferedReader(new LineLimitReader(
                new InputStreamReader(data, StandardCharsets.UTF_8),
                LineLimitReader.DEFAULT_MAX_CHARS));
        // A loop rather than reader.lines(), which hides a read error in an unchecked one.
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    /** The parsed node file, with node ids mapped to indices in file order. */
    private record NodeTable(Map<Long, Integer> ids, int[] labels, NodeSplit[] splits,
            int[][] featureIndices, int features, int classes) {
    }

    private static NodeTable readNodes(String file, List<String> lines) {
        int[] columns = header(file, lines, NODE_COLUMNS);
        int count = lines.size() - 1;
        Map<Long, Integer> ids = new HashMap<>();
        int[] labels = new int[count];
        NodeSplit[] splits = new NodeSplit[count];
        int[][] features = new int[count][];
        int maxFeature = -1;
        for (int row = 0; row < count; row++) {
            int line = row + 2;
            String[] fields = fields(file, line, lines.get(row + 1), columns, lines.get(0));
            long id = parseLong(file, line, "node", fields[columns[0]]);
            if (ids.putIfAbsent(id, row) != null) {
                throw new GraphDataException(file + " line " + line + ": node " + id
                        + " is listed twice (first on line " + (ids.get(id) + 2)
                        + "); give each node one line");
            }
            labels[row] = parseLabel(file, line, fields[columns[1]]);
            splits[row] = parseSplit(file, line, fields[columns[2]].strip());
            features[row] = parseFeatures(file, line, fields[columns[3]]);
            for (int feature : features[row]) {
                maxFeature = Math.max(maxFeature, feature);
            }
        }
        int classes = checkLabels(file, labels, splits);
        if (maxFeature < 0) {
            throw new GraphDataException(file + ": no node has a feature; list the indices"
                    + " of each node's features in the feature_indices column");
        }
        return new NodeTable(ids, labels, splits, features, maxFeature + 1, classes);
    }

    /** Returns the number of classes after checking that labels run from 0 without gaps. */
    private static int checkLabels(String file, int[] labels, NodeSplit[] splits) {
        TreeSet<Integer> distinct = new TreeSet<>();
        for (int label : labels) {
            if (label >= 0) {
                distinct.add(label);
            }
        }
        int classes = distinct.size();
        for (int row = 0; row < labels.length; row++) {
            int line = row + 2;
            if (labels[row] < -1 || labels[row] >= classes) {
                throw new GraphDataException(file + " line " + line + ": label " + labels[row]
                        + " is outside the " + classes + " classes 0.." + (classes - 1)
                        + " (-1 marks an unlabelled node); number the classes from 0 without"
                        + " gaps");
            }
            if (labels[row] < 0 && splits[row] != NodeSplit.NONE) {
                throw new GraphDataException(file + " line " + line + ": unlabelled node (label"
                        + " -1) is in split '" + splits[row].key() + "'; leave its split empty"
                        + " or give it a label");
            }
        }
        if (classes < 2) {
            throw new GraphDataException(file + ": the labels name " + classes
                    + " class(es); node classification needs two or more");
        }
        return classes;
    }

    private static int[][] readEdges(String file, List<String> lines, Map<Long, Integer> ids) {
        int[] columns = header(file, lines, EDGE_COLUMNS);
        int count = lines.size() - 1;
        int[] sources = new int[count];
        int[] targets = new int[count];
        for (int row = 0; row < count; row++) {
            int line = row + 2;
            String[] fields = fields(file, line, lines.get(row + 1), columns, lines.get(0));
            sources[row] = node(file, line, "src", fields[columns[0]], ids);
            targets[row] = node(file, line, "dst", fields[columns[1]], ids);
        }
        return new int[][] {sources, targets};
    }

    private static int node(String file, int line, String column, String field,
            Map<Long, Integer> ids) {
        long id = parseLong(file, line, column, field);
        Integer index = ids.get(id);
        if (index == null) {
            throw new GraphDataException(file + " line " + line + ": " + column + " node " + id
                    + " is not in the node file; add it there or drop the edge");
        }
        return index;
    }

    /** Returns the position of each required column in the header line. */
    private static int[] header(String file, List<String> lines, List<String> required) {
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new GraphDataException(file + " is empty; it needs the header "
                    + String.join(",", required) + " and one line per row");
        }
        List<String> names = Arrays.stream(lines.get(0).split(",", -1)).map(String::strip)
                .toList();
        int[] columns = new int[required.size()];
        for (int i = 0; i < required.size(); i++) {
            columns[i] = names.indexOf(required.get(i));
            if (columns[i] < 0) {
                throw new GraphDataException(file + " line 1: missing column '" + required.get(i)
                        + "' in header '" + lines.get(0) + "'; the header needs "
                        + String.join(",", required));
            }
        }
        if (lines.size() < 2) {
            throw new GraphDataException(file + " has a header but no rows");
        }
        return columns;
    }

    private static String[] fields(String file, int line, String text, int[] columns,
            String header) {
        String[] fields = text.split(",", -1);
        int needed = Arrays.stream(columns).max().orElse(0) + 1;
        if (fields.length < needed) {
            throw new GraphDataException(file + " line " + line + ": '" + text + "' has "
                    + fields.length + " fields, the header names at least " + needed);
        }
        int named = header.split(",", -1).length;
        if (fields.length > named) {
            throw new GraphDataException(file + " line " + line + ": '" + text + "' has "
                    + fields.length + " fields, but the header names only " + named
                    + "; separate feature indices with spaces, not commas");
        }
        return fields;
    }

    private static long parseLong(String file, int line, String column, String field) {
        try {
            return Long.parseLong(field.strip());
        } catch (NumberFormatException e) {
            throw new GraphDataException(file + " line " + line + ": " + column + " '" + field
                    + "' is not an integer", e);
        }
    }

    /** Reads a label, rejecting a number outside int that a cast would wrap to a class. */
    private static int parseLabel(String file, int line, String field) {
        long label = parseLong(file, line, "label", field);
        if (label < -1 || label > Integer.MAX_VALUE) {
            throw new GraphDataException(file + " line " + line + ": label " + label
                    + " is out of range; number the classes from 0 without gaps, and mark an"
                    + " unlabelled node with -1");
        }
        return (int) label;
    }

    private static NodeSplit parseSplit(String file, int line, String field) {
        try {
            return NodeSplit.parse(field);
        } catch (IllegalArgumentException e) {
            throw new GraphDataException(file + " line " + line + ": split '" + field
                    + "' is not one of " + NodeSplit.keys() + " or empty", e);
        }
    }

    private static int[] parseFeatures(String file, int line, String field) {
        String text = field.strip();
        if (text.isEmpty()) {
            return new int[0];
        }
        List<Integer> indices = new ArrayList<>();
        for (String token : text.split("\\s+")) {
            long index = parseLong(file, line, "feature index", token);
            if (index < 0 || index >= MAX_FEATURES) {
                throw new GraphDataException(file + " line " + line + ": feature index "
                        + index + " is outside 0 to " + (MAX_FEATURES - 1) + "; number the"
                        + " features from 0, with at most " + MAX_FEATURES + " in all");
            }
            indices.add((int) index);
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }
}
