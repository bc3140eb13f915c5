package io.archforge.encoding;

import io.archforge.space.CellSpace;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.SearchSpace;

/** Picks the graph form of a search space. */
public final class GraphForms {

    private GraphForms() {
    }

    /**
     * The graph form of {@code space}: the cell form for cell spaces, the space's own
     * form where it has one, and a chain of its choices otherwise.
     */
    public static GraphForm of(SearchSpace space) {
        if (space instanceof CellSpace cells) {
            return new CellGraphForm(cells);
        }
        ChoiceSpace choices = (ChoiceSpace) space;
        return new ChainGraphForm(choices);
    }
}
