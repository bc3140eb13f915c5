package io.archforge.space.declared;

import io.archforge.space.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cell graph of a {@link SpaceDefinition}: a directed acyclic graph of {@code nodes}
 * nodes in which every edge {@code i -> j} with {@code i < j} carries one of the
 * operations, as in the NAS-Bench-201 cell. Node 0 is the cell input and the last node
 * its output.
 *
 * <p>Each edge becomes one categorical choice named {@code CELL.SOURCE-TARGET}, such as
 * {@code normal.0-2}, with edges ordered by target node, then by source node.
 *
 * @param name the cell name, unique among the space's choices and cells
 * @param nodes the number of nodes, input and output included, at least 2
 * @param operations the operations an edge may carry, distinct and at least one
 */
public record CellDefinition(String name, int nodes, List<String> operations) {

    /** The maximum number of nodes of a cell, which keeps the edge count at 190 or fewer. */
    public static final int MAX_NODES = 20;

    public CellDefinition {
        Objects.requireNonNull(name, "name");
        operations = List.copyOf(operations);
        if (nodes < 2 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("cell '" + name + "' has " + nodes
                    + " nodes; a cell needs 2 to " + MAX_NODES + " nodes, input and output"
                    + " included");
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("cell '" + name
                    + "' has an empty operation list; give at least one operation");
        }
        if (operations.stream().distinct().count() != operations.size()) {
            throw new IllegalArgumentException("cell '" + name + "' repeats an operation in "
                    + operations + "; give each operation once");
        }
    }

    /** Returns the name of the choice of edge {@code source -> target}. */
    public String edgeChoice(int source, int target) {
        Objects.checkIndex(target, nodes);
        Objects.checkIndex(source, target);
        return name + "." + source + "-" + target;
    }

    /** Returns the edges, in choice order. */
    public List<Edge> edges() {
        List<Edge> edges = new ArrayList<>();
        for (int target = 1; target < nodes; target++) {
            for (int source = 0; source < target; source++) {
                edges.add(new Edge(source, target));
            }
        }
        return edges;
    }

    /** Builds one categorical choice per edge, in choice order. */
    List<Choice> toChoices() {
        List<Choice> choices = new ArrayList<>();
        for (Edge edge : edges()) {
            choices.add(new Choice.Categorical(edgeChoice(edge.source(), edge.target()),
                    operations));
        }
        return choices;
    }

    /**
     * One edge of the cell.
     *
     * @param source the node the edge reads
     * @param target the node the edge feeds, above {@code source}
     */
    public record Edge(int source, int target) {
    }
}
