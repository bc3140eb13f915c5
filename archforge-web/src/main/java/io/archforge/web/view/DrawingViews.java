package io.archforge.web.view;

import io.archforge.web.drawing.ArchitectureDrawing;
import io.archforge.web.drawing.CellDrawing;
import io.archforge.web.drawing.DrawnEdge;
import io.archforge.web.drawing.DrawnNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JSON view of an architecture drawing, which the dashboard page turns into SVG. */
public final class DrawingViews {

    private DrawingViews() {
    }

    /** Describes the drawing of trial {@code trial}: its cells with their nodes and edges. */
    public static Map<String, Object> drawing(int trial, ArchitectureDrawing drawing) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("trial", trial);
        view.put("space", drawing.space());
        view.put("architecture", drawing.architecture());
        view.put("cells", drawing.cells().stream().map(DrawingViews::cell).toList());
        return view;
    }

    private static Map<String, Object> cell(CellDrawing cell) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", cell.name());
        view.put("layout", cell.layout().name().toLowerCase(Locale.ROOT));
        view.put("nodes", cell.nodes().stream().map(DrawingViews::node).toList());
        view.put("edges", cell.edges().stream().map(DrawingViews::edge).toList());
        return view;
    }

    private static Map<String, Object> node(DrawnNode node) {
        return Map.of("id", node.id(), "label", node.label(), "detail", node.detail());
    }

    private static Map<String, Object> edge(DrawnEdge edge) {
        return Map.of("from", edge.from(), "to", edge.to(), "label", edge.label(),
                "inactive", edge.inactive());
    }
}
