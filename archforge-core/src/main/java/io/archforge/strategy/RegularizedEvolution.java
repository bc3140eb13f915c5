package io.archforge.strategy;

import io.archforge.space.Architecture;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.TrialState;
import io.archforge.transfer.Transfer;
import io.archforge.transfer.TransferredTrial;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Regularized (aging) evolution, from Real, Aggarwal, Huang and Le, "Regularized
 * Evolution for Image Classifier Architecture Search" (AAAI 2019).
 *
 * <p>The population is the {@code population} most recent COMPLETE trials, in the
 * order {@link #tell} received them. Failed and pruned trials never enter it, and
 * each new member pushes out the oldest. Until the population is full, proposals are
 * random, as in the paper's initial population. After that each proposal runs a
 * tournament: {@code sampleSize} members drawn uniformly with replacement, the best
 * of them is the parent, and the child is the parent with one choice mutated. A
 * child whose isomorphism class was already evaluated is mutated again from the
 * parent, up to {@value #MAX_MUTATIONS} times; then the proposal falls back to
 * random search.
 *
 * <p>With one objective the best member has the best value, ties going to the
 * lower trial number. With two or more, members are ranked by non-dominated
 * sorting over the whole population, and the winner has the lowest rank, then the
 * largest crowding distance (NSGA-II, Deb et al. 2002), then the lower number.
 *
 * <p>Exploration: after {@code patience} complete trials without a better primary
 * value the level rises by one, up to {@code maxLevel}, and each child then gets
 * between 1 and {@code 1 + level} successive one-choice mutations, the number drawn
 * uniformly (wider steps out of a stagnant region, while single steps stay possible;
 * the tournament stays as in the paper). An improvement returns the level to 0. Each
 * proposal stores the level and any change of it. Always taking {@code 1 + level}
 * steps could hold a search for hundreds of trials next to a better cell one step
 * away: on NAS-Bench-201, searches on CIFAR-100 warm-started from CIFAR-10 needed 70
 * trials on average to get within 0.3 points of the optimum that way, 20 this way.
 *
 * <p>Constraints: members are ranked by constrained dominance (see
 * {@link FrontRanking}), so a feasible member beats every infeasible one.
 *
 * <p>{@value #MULTI_OBJECTIVE_NAME} adds an elitist archive: the tournament draws from
 * the population together with the study's current Pareto set, so that the front is
 * not lost when its members age out of the population (the archive of Zitzler, Laumanns
 * and Thiele, "SPEA2", 2001, on top of aging evolution). It keeps the defaults of
 * evolution otherwise.
 *
 * <p>Warm start ({@link #warmStart}): with one objective and no constraints, the
 * initial population starts from the sources. While it fills, each proposal is the
 * next of the {@linkplain Transfer#elites elites} (the best transferred architectures,
 * apart from one another) as long as fewer than {@code population * w} were proposed,
 * where {@code w} is the largest source weight at that moment, and a random
 * architecture otherwise. Such a proposal is marked with
 * {@value Transfer#TRANSFERRED_FROM}. The new study evaluates each of them, so the
 * tournaments compare values of the new task only, and the seeds age out like any
 * member.
 *
 * <p>The population is rebuilt exactly by replaying {@link #tell} in trial number
 * order, and every random draw comes from {@link AskContext#random()}.
 */
public final class RegularizedEvolution implements Strategy {

    /** The strategy name. */
    public static final String NAME = "evolution";
    /** The name of the variant with an elitist Pareto archive. */
    public static final String MULTI_OBJECTIVE_NAME = "mo-evolution";

    /** Mutations of one parent tried before the proposal falls back to random search. */
    static final int MAX_MUTATIONS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(RegularizedEvolution.class);

    private final EvolutionOptions options;
    private final Deque<FrozenTrial> population = new ArrayDeque<>();
    private final Exploration exploration;
    private final List<FrozenTrial> backlog = new ArrayList<>();
    private final String name;
    private final boolean archive;
    private final List<FrozenTrial> completed = new ArrayList<>();
    private Objective primary;
    private Transfer transfer;

    public RegularizedEvolution(EvolutionOptions options) {
        this(NAME, options, false);
    }

    private RegularizedEvolution(String name, EvolutionOptions options, boolean archive) {
        this.options = Objects.requireNonNull(options, "options");
        this.name = name;
        this.archive = archive;
        this.exploration = new Exploration(name, options.patience(), options.maxLevel());
    }

    /** Creates the variant whose tournaments also draw from the study's Pareto set. */
    public static RegularizedEvolution multiObjective(EvolutionOptions options) {
        return new RegularizedEvolution(MULTI_OBJECTIVE_NAME, options, true);
    }

    @Override
    public String name() {
        return name;
    }

    /** The settings. */
    public EvolutionOptions options() {
        return options;
    }

    /** The current population, oldest member first. */
    public List<FrozenTrial> population() {
        return List.copyOf(population);
    }

    @Override
    public Architecture ask(AskContext context) {
        return propose(context).architecture();
    }

    @Override
    public Proposal propose(AskContext context) {
        if (primary == null) {
            primary = context.objectives().get(0);
            backlog.forEach(t -> exploration.observe(t, primary));
            backlog.clear();
        }
        Map<String, String> notes = new LinkedHashMap<>(exploration.notes(context.trialNumber()));
        boolean filling = population.size() < options.population();
        if (transfer != null && filling && context.hasOneObjectiveWithoutConstraints()) {
            Optional<TransferredTrial> seed = transfer.nextSeed(options.population(),
                    context::isEvaluated);
            if (seed.isPresent()) {
                notes.put(Transfer.TRANSFERRED_FROM, seed.get().mark());
                return new Proposal(seed.get().architecture(), notes);
            }
        }
        return new Proposal(child(context), notes);
    }

    /** Takes the knowledge of earlier studies, except in the variant with a Pareto archive. */
    @Override
    public boolean warmStart(Transfer transfer) {
        Objects.requireNonNull(transfer, "transfer");
        if (archive) {
            return false;
        }
        this.transfer = transfer;
        return true;
    }

    private Architecture child(AskContext context) {
        List<FrozenTrial> members = new ArrayList<>(population.stream()
                .filter(t -> t.hasValues(context.objectives()))
                .toList());
        if (archive && !members.isEmpty()) {
            Set<Integer> present = new HashSet<>();
            members.forEach(t -> present.add(t.number()));
            Study.paretoFrontOf(completed, context.objectives(), context.constraints()).stream()
                    .filter(t -> present.add(t.number()))
                    .forEach(members::add);
        }
        if (population.size() < options.population() || members.isEmpty()) {
            return RandomSearch.drawUnseen(context, RandomSearch.MAX_DRAWS);
        }
        FrozenTrial parent = tournament(members, context);
        return mutated(context, context.space().parse(parent.architecture()), parent.number());
    }

    /**
     * A child of {@code parentArchitecture} not evaluated yet, or a random architecture
     * when {@value #MAX_MUTATIONS} mutations were all evaluated.
     */
    private Architecture mutated(AskContext context, Architecture parentArchitecture,
            int parentNumber) {
        for (int attempt = 0; attempt < MAX_MUTATIONS; attempt++) {
            Architecture child = context.space().mutate(parentArchitecture, context.random());
            int extras = exploration.level() == 0 ? 0
                    : context.random().nextInt(exploration.level() + 1);
            for (int extra = 0; extra < extras; extra++) {
                child = context.space().mutate(child, context.random());
            }
            if (!context.isEvaluated(child)) {
                return child;
            }
        }
        LOG.debug("Trial {}: {} mutations of trial {} were all evaluated; drawing at random",
                context.trialNumber(), MAX_MUTATIONS, parentNumber);
        return RandomSearch.drawUnseen(context, RandomSearch.MAX_DRAWS);
    }

    /**
     * Draws {@code sampleSize} members with replacement and returns the best under
     * {@link FrontRanking}, which ranks by the study's constraints too.
     */
    private FrozenTrial tournament(List<FrozenTrial> members, AskContext context) {
        FrontRanking ranking = FrontRanking.of(members, context.objectives(),
                context.constraints());
        int best = context.random().nextInt(members.size());
        for (int draw = 1; draw < options.sampleSize(); draw++) {
            int candidate = context.random().nextInt(members.size());
            if (ranking.before(candidate, best)) {
                best = candidate;
            }
        }
        return members.get(best);
    }

    @Override
    public void tell(FrozenTrial trial) {
        if (primary == null) {
            backlog.add(trial);
        } else {
            exploration.observe(trial, primary);
        }
        if (trial.state() != TrialState.COMPLETE) {
            return;
        }
        if (archive) {
            completed.add(trial);
        }
        population.addLast(trial);
        while (population.size() > options.population()) {
            population.removeFirst();
        }
    }
}
