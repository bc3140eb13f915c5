package io.archforge.encoding;

import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;

/** Picks the encoding that suits a search space. */
public final class Encoders {

    private Encoders() {
    }

    /**
     * The path encoding for a cell space whose path feature count is at most
     * {@link PathEncoder#MAX_FEATURES}, and the one-hot encoding otherwise, including
     * for every space that is not a cell space.
     */
    public static Encoder pathOrOneHot(SearchSpace space) {
        if (space instanceof CellSpace cells
                && PathEncoder.featureCount(cells) <= PathEncoder.MAX_FEATURES) {
            return new PathEncoder(cells);
        }
        return new OneHotEncoder(space);
    }
}
