package io.archforge.encoding;

import io.archforge.space.SearchSpace;

/** Picks the encoding that suits a search space. */
public final class Encoders {

    private Encoders() {
    }

    /**
     * The path encoding of the space's graph form when it has at most
     * {@link PathEncoder#MAX_FEATURES} features, and the one-hot encoding otherwise, as
     * for the macro space, whose chain form has a single path per architecture.
     */
    public static Encoder pathOrOneHot(SearchSpace space) {
        GraphForm form = GraphForms.of(space);
        if (PathEncoder.featureCount(form) <= PathEncoder.MAX_FEATURES) {
            return new PathEncoder(form);
        }
        return new OneHotEncoder(space);
    }
}
