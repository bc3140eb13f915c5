package io.archforge.strategy;

import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.study.Constraint;
import io.archforge.study.Objective;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What a strategy may use to propose one architecture.
 *
 * @param space the search space
 * @param objectives the study's objectives, the first one primary
 * @param constraints the study's constraints, which multi-objective strategies rank by
 * @param random the generator derived for this trial from the study seed
 * @param trialNumber the number the proposed trial will get
 * @param evaluated tells which architectures were already evaluated, up to isomorphism
 */
public record AskContext(
        SearchSpace space,
        List<Objective> objectives,
        List<Constraint> constraints,
        RandomGenerator random,
        int trialNumber,
        EvaluatedSet evaluated) {

    public AskContext {
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
    }

    /** A context without constraints. */
    public AskContext(SearchSpace space, List<Objective> objectives, RandomGenerator random,
            int trialNumber, EvaluatedSet evaluated) {
        this(space, objectives, List.of(), random, trialNumber, evaluated);
    }

    /** Returns whether the study has one objective and no constraint, where warm starts apply. */
    public boolean hasOneObjectiveWithoutConstraints() {
        return objectives.size() == 1 && constraints.isEmpty();
    }

    /** Returns whether an architecture isomorphic to {@code architecture} was already evaluated. */
    public boolean isEvaluated(Architecture architecture) {
        return evaluated.contains(architecture);
    }

    /** Membership test over evaluated architectures, keyed by isomorphism class. */
    @FunctionalInterface
    public interface EvaluatedSet {
        boolean contains(Architecture architecture);
    }
}
