package io.archforge.encoding;

import io.archforge.space.CellSpace;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.DartsSpace;
import io.archforge.space.FbnetSpace;
import io.archforge.space.NasBenchGraphSpace;
import io.archforge.space.Nb101Space;
import io.archforge.space.SearchSpace;

/** Picks the graph form of a search space. */
public final class GraphForms {

    private GraphForms() {
    }

    /**
     * Returns the graph form of {@code space}: the cell form for cell spaces, the space's own
     * form where it has one, and a chain of its choices otherwise.
     */
    public static GraphForm of(SearchSpace space) {
        SearchSpace base = space.unrestricted();
        if (base instanceof CellSpace cells) {
            return new CellGraphForm(cells);
        }
        ChoiceSpace choices = (ChoiceSpace) base;
        return switch (choices.name()) {
            case Nb101Space.NAME -> new Nb101GraphForm(choices);
            case DartsSpace.NAME -> new DartsGraphForm(choices);
            case NasBenchGraphSpace.NAME -> new GnnGraphForm(choices);
            case FbnetSpace.NAME -> new FbnetGraphForm(choices);
            default -> new ChainGraphForm(choices);
        };
    }
}
