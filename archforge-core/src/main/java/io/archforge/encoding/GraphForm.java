package io.archforge.encoding;

import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.List;

/**
 * Describes the architectures of one search space as labelled graphs, one per cell.
 *
 * <p>A NAS-Bench-201 cell gives one graph and a DARTS architecture two, its normal and
 * its reduction cell. Graphs of one form have at most {@link #maxNodes()} nodes, and
 * node labels are {@link ArchitectureGraph#INPUT}, {@link ArchitectureGraph#OUTPUT} or
 * one of {@link #operations()}. Implementations are immutable and thread-safe.
 */
public interface GraphForm {

    /** The space whose architectures this form describes. */
    SearchSpace space();

    /** The operation labels, in a fixed order that encodings number them by. */
    List<String> operations();

    /** The number of graphs per architecture. */
    int cells();

    /** Returns the maximum number of nodes of a graph of this form. */
    int maxNodes();

    /**
     * Returns the minimum number of operations on a path from an input node to the output
     * node.
     */
    int minPathOperations();

    /**
     * Returns the maximum number of operations on a path from an input node to the output
     * node.
     */
    int maxPathOperations();

    /**
     * Returns the graphs of {@code architecture}, {@link #cells()} of them.
     *
     * @throws IllegalArgumentException when the architecture is from another space
     */
    List<ArchitectureGraph> graphs(Architecture architecture);

    /** Returns the labels a node of this form can have: input, output, then the operations. */
    default List<String> nodeLabels() {
        List<String> labels = new java.util.ArrayList<>();
        labels.add(ArchitectureGraph.INPUT);
        labels.add(ArchitectureGraph.OUTPUT);
        labels.addAll(operations());
        return List.copyOf(labels);
    }

    /**
     * Checks that {@code architecture} belongs to this form's space.
     *
     * @throws IllegalArgumentException naming both spaces when it does not
     */
    default void checkSpace(Architecture architecture) {
        if (!architecture.space().equals(space().name())
                || architecture.genes().size() != space().choices().size()) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is from space '" + architecture.space() + "'; this graph form reads space '"
                    + space().name() + "'");
        }
    }
}
