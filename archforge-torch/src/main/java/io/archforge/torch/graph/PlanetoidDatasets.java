package io.archforge.torch.graph;

import io.archforge.provenance.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The citation graphs shipped with the module, Cora and CiteSeer with the standard
 * Planetoid split, and graphs read from a directory. Sources and licence are in the
 * NOTICE file next to the data.
 */
public final class PlanetoidDatasets {

    /** The bundled graphs. */
    public static final List<String> NAMES = List.of("cora", "citeseer");

    private static final String RESOURCE_DIRECTORY = "/io/archforge/torch/graph/";
    private static final Map<String, GraphData> CACHE = new ConcurrentHashMap<>();

    private PlanetoidDatasets() {
    }

    /**
     * Returns the bundled graph {@code name}, read once per JVM.
     *
     * @throws IllegalArgumentException naming the valid graphs when there is none of that
     *     name
     * @throws GraphDataException when the bundled files are missing or malformed
     */
    public static GraphData bundled(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown bundled graph '" + name
                    + "'; valid graphs are " + NAMES);
        }
        return CACHE.computeIfAbsent(name, PlanetoidDatasets::readBundled);
    }

    /**
     * Lists the resources that {@link #bundled} reads for graph {@code name}: its nodes
     * file and its edges file.
     *
     * @throws IllegalArgumentException naming the valid graphs when there is none of that
     *     name
     */
    public static List<DataInput> bundledInputs(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown bundled graph '" + name
                    + "'; valid graphs are " + NAMES);
        }
        return List.of(
                DataInput.resource(PlanetoidDatasets.class, RESOURCE_DIRECTORY + nodesFile(name)),
                DataInput.resource(PlanetoidDatasets.class, RESOURCE_DIRECTORY + edgesFile(name)));
    }

    /**
     * Reads the graph of a directory with {@value PlanetoidReader#NODES_FILE} and
     * {@value PlanetoidReader#EDGES_FILE}.
     *
     * @throws GraphDataException when a file is missing or malformed
     */
    public static GraphData directory(Path directory) {
        return PlanetoidReader.read(directory);
    }

    private static GraphData readBundled(String name) {
        String nodes = nodesFile(name);
        String edges = edgesFile(name);
        return PlanetoidReader.read(name + " (bundled)", nodes, resourceLines(nodes), edges,
                resourceLines(edges));
    }

    private static String nodesFile(String name) {
        return name + "_nodes.csv.gz";
    }

    private static String edgesFile(String name) {
        return name + "_edges.csv.gz";
    }

    private static List<String> resourceLines(String file) {
        String resource = RESOURCE_DIRECTORY + file;
        try (InputStream in = PlanetoidDatasets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new GraphDataException("the bundled graph file " + resource
                        + " is missing from the class path; rebuild archforge-torch");
            }
            return PlanetoidReader.lines(file, in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource + " failed", e);
        }
    }
}
