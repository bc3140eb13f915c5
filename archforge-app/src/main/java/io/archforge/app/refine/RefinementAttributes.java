package io.archforge.app.refine;

/** The study attributes that hold refinements. */
public final class RefinementAttributes {

    /**
     * The refinement {@code archforge refine} made from a study's own trials, as
     * {@link RefinementJson}. It describes the study and does not change what the study
     * searches.
     */
    public static final String REFINEMENT = "refinement";

    /**
     * The refinement a study searches, copied from the study named by
     * {@value #REFINED_FROM} when the study was created with {@code --space-from}.
     */
    public static final String REFINED_SPACE = "refined_space";

    /** The study whose refinement a study searches. */
    public static final String REFINED_FROM = "refined_from";

    /**
     * The design rules and proposed constraints of the last successful language-model
     * step, with the trial count and confidence of the refinement they were read from.
     * A failed step leaves the attribute as it was.
     */
    public static final String LLM_RULES = "refine_llm_rules";

    private RefinementAttributes() {
    }
}
