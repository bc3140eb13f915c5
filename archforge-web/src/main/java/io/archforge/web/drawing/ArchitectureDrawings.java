package io.archforge.web.drawing;

import io.archforge.encoding.ArchitectureGraph;
import io.archforge.encoding.ChainGraphForm;
import io.archforge.encoding.GraphForm;
import io.archforge.encoding.GraphForms;
import io.archforge.space.Architecture;
import io.archforge.space.ArchitectureFormatException;
import io.archforge.space.CellSpace;
import io.archforge.space.MacroSpace;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns architectures into drawings. A cell space such as NAS-Bench-201 is drawn as
 * its own graph, with the operations on the edges; the macro space as the row of
 * blocks its network runs; every other space through its {@link GraphForm}, with the
 * operations on the nodes.
 */
public final class ArchitectureDrawings {

    private ArchitectureDrawings() {
    }

    /**
     * Parses {@code text} in {@code space} and draws it.
     *
     * @throws ArchitectureFormatException when the text is no architecture of the space
     */
    public static ArchitectureDrawing of(SearchSpace space, String text) {
        Architecture architecture = space.parse(text);
        List<CellDrawing> cells;
        if (space.unrestricted() instanceof CellSpace cellSpace) {
            cells = List.of(cell(cellSpace, architecture));
        } else if (space.name().equals(MacroSpace.NAME)) {
            cells = List.of(MacroDrawing.of(architecture));
        } else {
            cells = graphCells(GraphForms.of(space), architecture);
        }
        return new ArchitectureDrawing(space.name(), architecture.text(), cells);
    }

    /** Draws a cell of a cell space: its nodes, and one edge per gene with the operation. */
    private static CellDrawing cell(CellSpace space, Architecture architecture) {
        List<DrawnNode> nodes = new ArrayList<>();
        int last = space.nodes() - 1;
        for (int i = 0; i <= last; i++) {
            String label = i == 0 ? ArchitectureGraph.INPUT
                    : i == last ? ArchitectureGraph.OUTPUT : "node " + i;
            nodes.add(new DrawnNode(i, label, i == 0 || i == last ? "node " + i : ""));
        }
        List<DrawnEdge> edges = new ArrayList<>();
        List<CellSpace.Edge> cellEdges = space.edges();
        for (int k = 0; k < cellEdges.size(); k++) {
            String operation = space.operation(architecture, k);
            CellSpace.Edge edge = cellEdges.get(k);
            edges.add(new DrawnEdge(edge.from(), edge.to(), operation,
                    operation.equals(space.zeroOperation())));
        }
        return new CellDrawing("cell", CellDrawing.Layout.DAG, nodes, edges);
    }

    /** Draws each graph of a graph form, with plain edges between labelled nodes. */
    private static List<CellDrawing> graphCells(GraphForm form, Architecture architecture) {
        List<ArchitectureGraph> graphs = form.graphs(architecture);
        CellDrawing.Layout layout = form instanceof ChainGraphForm
                ? CellDrawing.Layout.CHAIN : CellDrawing.Layout.DAG;
        List<CellDrawing> cells = new ArrayList<>();
        for (int g = 0; g < graphs.size(); g++) {
            cells.add(graphCell(cellName(graphs.size(), g), layout, graphs.get(g)));
        }
        return cells;
    }

    private static CellDrawing graphCell(String name, CellDrawing.Layout layout,
            ArchitectureGraph graph) {
        List<DrawnNode> nodes = new ArrayList<>();
        List<DrawnEdge> edges = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            nodes.add(new DrawnNode(i, graph.labels().get(i), ""));
            for (int j = i + 1; j < graph.size(); j++) {
                if (graph.hasEdge(i, j)) {
                    edges.add(new DrawnEdge(i, j, "", false));
                }
            }
        }
        return new CellDrawing(name, layout, nodes, edges);
    }

    /** Names a graph: {@code cell} alone, or normal and reduction for two (as in DARTS). */
    private static String cellName(int count, int index) {
        if (count == 1) {
            return "cell";
        }
        if (count == 2) {
            return index == 0 ? "normal cell" : "reduction cell";
        }
        return "cell " + (index + 1);
    }
}
