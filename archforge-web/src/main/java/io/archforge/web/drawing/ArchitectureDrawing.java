package io.archforge.web.drawing;

import java.util.List;
import java.util.Objects;

/**
 * An architecture ready to draw: one or more cells of nodes and edges.
 *
 * @param space the search space's name
 * @param architecture the architecture's canonical string
 * @param cells the cells, such as the one NAS-Bench-201 cell or the normal and reduction
 *     cells of DARTS
 */
public record ArchitectureDrawing(String space, String architecture, List<CellDrawing> cells) {

    public ArchitectureDrawing {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(architecture, "architecture");
        cells = List.copyOf(cells);
    }
}
