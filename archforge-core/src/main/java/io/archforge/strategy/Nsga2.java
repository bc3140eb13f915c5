package io.archforge.strategy;

import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.study.Constraint;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NSGA-II (Deb, Pratap, Agarwal and Meyarivan, "A Fast and Elitist Multiobjective
 * Genetic Algorithm: NSGA-II", IEEE TEC 2002) over architectures, in ask-and-tell form.
 *
 * <p>The first {@code population} proposals are random. Every later proposal breeds a
 * child from the current parents: two binary tournaments under {@link FrontRanking}
 * (front, then crowding distance, with Deb's constrained dominance when the study has
 * constraints) pick two parents; with probability {@code crossover} the child takes
 * each choice from either parent at random (uniform crossover), otherwise it copies
 * the first; then it gets {@code mutations} one-choice mutations. A child already
 * evaluated is bred again, up to {@value #MAX_BREEDS} times, before the proposal falls
 * back to random search. A crossover the space rejects (a cell it cannot build)
 * keeps the first parent's choices.
 *
 * <p>Each time {@code population} new complete trials have arrived, the next parents
 * are the best {@code population} of the old parents and those trials together, by
 * front and then crowding distance: the elitist selection of the paper. Results that
 * arrive while others are still running join the next selection, so parallel workers
 * keep breeding from the latest parents. Failed and pruned trials never become parents.
 *
 * <p>The state is rebuilt exactly by replaying {@link #tell} in trial number order, and
 * every random draw comes from {@link AskContext#random()}.
 */
public final class Nsga2 implements Strategy {

    /** The strategy name. */
    public static final String NAME = "nsga2";

    /** The trial attribute holding the generation whose parents bred the proposal. */
    public static final String GENERATION_ATTRIBUTE = "nsga2_generation";

    /** Children bred for one proposal before it falls back to random search. */
    static final int MAX_BREEDS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Nsga2.class);

    private final Nsga2Options options;
    private final List<FrozenTrial> pending = new ArrayList<>();
    private final List<FrozenTrial> batch = new ArrayList<>();
    private List<FrozenTrial> parents = List.of();
    private List<Objective> objectives;
    private List<Constraint> constraints;
    private int generation;

    public Nsga2(Nsga2Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The settings. */
    public Nsga2Options options() {
        return options;
    }

    /** Returns the current parents, best first. */
    public List<FrozenTrial> parents() {
        return parents;
    }

    /** Returns the number of selections made so far, 0 while the first population is random. */
    public int generation() {
        return generation;
    }

    @Override
    public Architecture ask(AskContext context) {
        return propose(context).architecture();
    }

    @Override
    public Proposal propose(AskContext context) {
        objectives = context.objectives();
        constraints = context.constraints();
        drain();
        Architecture architecture = parents.isEmpty()
                ? RandomSearch.drawUnseen(context, RandomSearch.MAX_DRAWS) : child(context);
        return new Proposal(architecture, Map.of(GENERATION_ATTRIBUTE, Integer.toString(generation)));
    }

    private Architecture child(AskContext context) {
        FrontRanking ranking = FrontRanking.of(parents, context.objectives(),
                context.constraints());
        SearchSpace space = context.space();
        for (int attempt = 0; attempt < MAX_BREEDS; attempt++) {
            Architecture first = space.parse(parents.get(tournament(ranking, context.random()))
                    .architecture());
            Architecture second = space.parse(parents.get(tournament(ranking, context.random()))
                    .architecture());
            Architecture child = context.random().nextDouble() < options.crossover()
                    ? crossover(space, first, second, context.random()) : first;
            for (int i = 0; i < options.mutations(); i++) {
                child = space.mutate(child, context.random());
            }
            if (!context.isEvaluated(child)) {
                return child;
            }
        }
        LOG.debug("Trial {}: {} children were all evaluated; drawing at random",
                context.trialNumber(), MAX_BREEDS);
        return RandomSearch.drawUnseen(context, RandomSearch.MAX_DRAWS);
    }

    /** Binary tournament: two parents drawn with replacement, the better one wins. */
    private static int tournament(FrontRanking ranking, RandomGenerator random) {
        int a = random.nextInt(ranking.trials().size());
        int b = random.nextInt(ranking.trials().size());
        return ranking.before(b, a) ? b : a;
    }

    /** Uniform crossover: each choice from either parent with probability one half. */
    static Architecture crossover(SearchSpace space, Architecture first, Architecture second,
            RandomGenerator random) {
        List<Number> genes = new ArrayList<>(first.genes().size());
        for (int i = 0; i < first.genes().size(); i++) {
            genes.add(random.nextBoolean() ? first.genes().get(i) : second.genes().get(i));
        }
        try {
            return space.of(genes);
        } catch (IllegalArgumentException rejected) {
            return first;
        }
    }

    @Override
    public void tell(FrozenTrial trial) {
        pending.add(trial);
        if (objectives != null) {
            drain();
        }
    }

    /**
     * Moves the received trials, in order, into the batch of new results and runs the
     * elitist selection each time the batch has {@code population} complete trials.
     * Trials received before the objectives are known (a resumed study replays them before the
     * first proposal) wait here, so a replay selects exactly as the original run did.
     */
    private void drain() {
        for (FrozenTrial trial : pending) {
            if (trial.hasValues(objectives)) {
                batch.add(trial);
            }
            if (batch.size() == options.population()) {
                select();
            }
        }
        pending.clear();
    }

    private void select() {
        List<FrozenTrial> pool = new ArrayList<>(parents);
        pool.addAll(batch);
        FrontRanking ranking = FrontRanking.of(pool, objectives, constraints);
        List<FrozenTrial> next = new ArrayList<>(options.population());
        for (int index : ranking.order()) {
            if (next.size() == options.population()) {
                break;
            }
            next.add(pool.get(index));
        }
        parents = List.copyOf(next);
        batch.clear();
        generation++;
        LOG.debug("NSGA-II generation {}: {} parents from {} candidates", generation,
                parents.size(), pool.size());
    }
}
