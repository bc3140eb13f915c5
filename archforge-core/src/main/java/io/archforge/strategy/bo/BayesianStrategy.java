package io.archforge.strategy.bo;

import io.archforge.encoding.CachingEncoder;
import io.archforge.encoding.Encoder;
import io.archforge.predictor.Prediction;
import io.archforge.predictor.Predictor;
import io.archforge.predictor.PredictorFactory;
import io.archforge.proxy.ProxyAugmentedEncoder;
import io.archforge.proxy.ProxyFeature;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.strategy.AskContext;
import io.archforge.strategy.Proposal;
import io.archforge.strategy.Strategy;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import io.archforge.transfer.SourceStudy;
import io.archforge.transfer.Transfer;
import io.archforge.transfer.TransferredTrial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bayesian optimisation over architectures: fit a {@link Predictor} with uncertainty to
 * the trials so far, score a pool of unevaluated candidates with an acquisition
 * function, and propose the best one.
 *
 * <p>The first {@link SearchOptions#initialRandom()} proposals are random. After
 * that the pool contains mutations of the {@link SearchOptions#parents()} best
 * trials (all one-choice neighbours when there are few enough) and a share of random
 * architectures, without evaluated ones, as in the acquisition search of BANANAS
 * (White, Neiswanger and Savani, AAAI 2021); subclasses may replace this rule. The
 * predictor is fitted to the values after {@link SearchOptions#transform()}. The
 * primary objective is maximised after its direction is normalised.
 * {@link Exploration} raises the UCB weight, the EI margin and the share of random
 * candidates while the search stalls. Each proposal stores the level as
 * {@value #LEVEL_ATTRIBUTE} and any change as {@value #EVENT_ATTRIBUTE}.
 *
 * <p>The predictor is the subclass's own model on {@link SearchOptions#encoding()},
 * unless {@link #usePredictor} gives a factory of another. The options name such a
 * predictor with {@value SearchOptions#PREDICTOR}, and a strategy whose options name
 * one rejects every proposal until it is given the factory.
 *
 * <p>Transfer ({@link #warmStart}): with one objective and no constraints, the random
 * start begins with the sources' {@linkplain Transfer#elites elites}, as many as
 * {@code initialRandom} times the largest source weight. After it, the predictor also
 * learns from transferred trials whose architectures the new study has not evaluated:
 * from each source, its weight times {@value #MAX_TRANSFERRED} of them, taken evenly
 * along its ranking. All values are then in standard deviations of the new task: the
 * new study's own values standardised, the transferred ones their {@linkplain
 * Transfer#score scores}. A source of low weight thus contributes few points, each
 * close to the mean. The best transferred trials are parents of the candidate pool,
 * and those not evaluated yet are candidates themselves.
 *
 * <p>NOTE: the weight falls only as the study's own trials accumulate, so a source
 * that ranks the task badly still shapes the early predictors. On NAS-Bench-201, a
 * source with shuffled accuracies cost BANANAS 15 to 32% more trials over 20 seeds.
 *
 * <p>The state is the list of finished trials, so replaying {@link #tell} restores it,
 * and every random draw comes from {@link AskContext#random()}. The strategy's own
 * model draws from it while training, and a given factory's predictor gets a seed
 * drawn from it for each proposal.
 */
public abstract class BayesianStrategy implements Strategy {

    /** The trial attribute holding the exploration level. */
    public static final String LEVEL_ATTRIBUTE = "exploration_level";
    /** The trial attribute holding {@code raised} or {@code lowered}. */
    public static final String EVENT_ATTRIBUTE = "exploration_event";

    /** The EI margin per exploration level, in standard deviations of the values. */
    static final double XI_PER_LEVEL = 0.1;
    /** Mutations drawn per requested child before the rest of a parent's share is dropped. */
    private static final int MAX_MUTATION_DRAWS = 4;
    /**
     * The most encodings kept between proposals, so that each trial is encoded once. It
     * covers the trials of a study of a few thousand trials and the pools of many
     * proposals.
     */
    private static final int ENCODING_CACHE_SIZE = 50_000;
    /** The most transferred trials one proposal's predictor learns from. */
    static final int MAX_TRANSFERRED = 150;

    private static final Logger LOG = LoggerFactory.getLogger(BayesianStrategy.class);

    private final SearchOptions search;
    private final List<FrozenTrial> trials = new ArrayList<>();
    private Encoder encoder;
    private SearchSpace encodedSpace;
    private ProxyFeature proxy;
    private PredictorFactory predictorFactory;
    private Transfer transfer;

    protected BayesianStrategy(SearchOptions search) {
        this.search = Objects.requireNonNull(search, "search");
    }

    /** The shared settings. */
    public SearchOptions search() {
        return search;
    }

    /**
     * Adds a zero-cost proxy, standardised, to the inputs of the strategy's own model
     * through a {@link ProxyAugmentedEncoder}, in the spirit of ProxyBO (Shen et al.,
     * "ProxyBO: Accelerating Neural Architecture Search via Bayesian Optimization with
     * Zero-cost Proxies", AAAI 2023), which lets the model learn how far to trust the
     * proxy. A candidate the proxy cannot score gets the reference mean, 0.
     *
     * @throws IllegalStateException when {@link #usePredictor} replaced the own model,
     *     whose encoding the proxy extends
     */
    public void useProxy(ProxyFeature feature) {
        Objects.requireNonNull(feature, "feature");
        if (predictorFactory != null) {
            throw new IllegalStateException(name() + " fits a predictor given by "
                    + "usePredictor, which reads its own inputs; feed the proxy to the "
                    + "strategy's own model by leaving the predictor unset, or screen "
                    + "proposals with the proxy instead");
        }
        this.proxy = feature;
        this.encodedSpace = null;
    }

    /**
     * Replaces the strategy's own model by the predictors of {@code factory}: each
     * proposal creates one with a seed drawn from the trial's generator and fits it.
     * Settings of the own model, such as the encoding, then no longer apply.
     *
     * @throws IllegalStateException when {@link #useProxy} feeds a proxy to the own model
     */
    public void usePredictor(PredictorFactory factory) {
        Objects.requireNonNull(factory, "factory");
        if (proxy != null) {
            throw new IllegalStateException(name() + " feeds a proxy to its own model, "
                    + "which a predictor given by usePredictor would drop; leave the "
                    + "predictor unset to keep the proxy, or drop the proxy");
        }
        this.predictorFactory = factory;
    }

    /**
     * Creates the strategy's own predictor for {@code space}, unfitted, which reads
     * {@code encoder} and whose fits draw from {@code random}.
     */
    protected abstract Predictor newPredictor(SearchSpace space, Encoder encoder,
            RandomGenerator random);

    /** The most recent successful trials the predictor is fitted to; all by default. */
    protected int maxTrainingSize() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Architecture ask(AskContext context) {
        return propose(context).architecture();
    }

    @Override
    public Proposal propose(AskContext context) {
        if (search.predictor().isPresent() && predictorFactory == null) {
            throw new IllegalStateException(name() + " option " + SearchOptions.PREDICTOR
                    + "=" + search.predictor().get() + " is missing its factory; resolve "
                    + "the name to a PredictorFactory and call usePredictor before the "
                    + "first proposal");
        }
        // Trial number order, so the result does not depend on the order of results.
        List<FrozenTrial> finished = trials.stream()
                .sorted(Comparator.comparingInt(FrozenTrial::number))
                .toList();
        Observations observations = observe(context, finished);
        List<FrozenTrial> observed = observations.trials();
        List<Double> values = observations.values();
        Exploration exploration = Exploration.after(values, search.initialRandom(),
                search.patience(), search.maxLevel());
        Map<String, String> attributes = attributes(exploration, context);
        attributes.putAll(observations.notes());
        if (observed.size() < search.initialRandom()) {
            Optional<TransferredTrial> seed = nextSeed(context);
            if (seed.isPresent()) {
                attributes.put(Transfer.TRANSFERRED_FROM, seed.get().mark());
                return new Proposal(seed.get().architecture(), attributes);
            }
            return new Proposal(randomUnseen(context), attributes);
        }
        Training training = training(context, observed, values);
        List<Architecture> parents = bestArchitectures(training);
        List<Architecture> pool = new ArrayList<>(training.transferredParents(context,
                search.parents()));
        pool.addAll(candidates(context, parents, exploration.level()));
        if (pool.isEmpty()) {
            LOG.debug("Trial {}: no unevaluated candidate; drawing at random",
                    context.trialNumber());
            return new Proposal(randomUnseen(context), attributes);
        }
        return new Proposal(best(context, training, pool, exploration.level()), attributes);
    }

    @Override
    public boolean warmStart(Transfer transfer) {
        this.transfer = Objects.requireNonNull(transfer, "transfer");
        return true;
    }

    /**
     * The predictor's training data: the last {@link #maxTrainingSize()} observed trials,
     * and with a transfer that applies, the transferred trials, all in standard
     * deviations of the new task.
     */
    private Training training(AskContext context, List<FrozenTrial> observed,
            List<Double> values) {
        int first = Math.max(0, observed.size() - maxTrainingSize());
        List<Architecture> architectures = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        boolean transferring = transfer != null && context.hasOneObjectiveWithoutConstraints();
        String metric = context.objectives().get(0).metric();
        for (int i = first; i < observed.size(); i++) {
            architectures.add(context.space().parse(observed.get(i).architecture()));
            targets.add(transferring
                    ? transfer.targetScore(observed.get(i).metrics().get(metric))
                    : values.get(i));
        }
        int own = architectures.size();
        if (transferring) {
            for (SourceStudy source : transfer.sources()) {
                // A source's share of the training data is its weight.
                int count = (int) Math.round(transfer.weight(source.name()) * MAX_TRANSFERRED);
                List<TransferredTrial> ranked = source.trials().stream()
                        .filter(t -> !context.isEvaluated(t.architecture()))
                        .sorted(Comparator.comparingDouble(t -> -t.value()))
                        .toList();
                double step = Math.max(1, ranked.size() / (double) Math.max(1, count));
                for (double k = 0; k < ranked.size() && count > 0; k += step) {
                    TransferredTrial trial = ranked.get((int) k);
                    architectures.add(trial.architecture());
                    targets.add(transfer.score(trial));
                }
            }
        }
        return new Training(architectures, targets.stream().mapToDouble(d -> d).toArray(), own);
    }

    /**
     * Returns the next elite of the sources to propose during the random start, or empty
     * once {@code initialRandom} times the largest source weight were proposed.
     */
    private Optional<TransferredTrial> nextSeed(AskContext context) {
        if (transfer == null || !context.hasOneObjectiveWithoutConstraints()) {
            return Optional.empty();
        }
        return transfer.nextSeed(search.initialRandom(), context::isEvaluated);
    }

    /**
     * The training data of one proposal.
     *
     * @param architectures the own trials' architectures first, then the transferred ones
     * @param targets one value per architecture, larger is better
     * @param own how many of them are the study's own trials
     */
    private record Training(List<Architecture> architectures, double[] targets, int own) {

        int size() {
            return architectures.size();
        }

        /**
         * Returns the best transferred architectures, at most {@code count}, that the study
         * has not evaluated.
         */
        List<Architecture> transferredParents(AskContext context, int count) {
            List<Integer> order = new ArrayList<>();
            for (int i = own; i < architectures.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble(i -> -targets[i]));
            return order.stream().limit(count).map(architectures::get)
                    .filter(a -> !context.isEvaluated(a)).toList();
        }
    }

    /**
     * Returns the trials the predictor learns from, with one value each (larger is
     * better), and notes to store with the proposal. By default: the complete trials with the primary
     * objective's value, that value with its direction normalised, and no notes.
     * Multi-objective subclasses scalarise the objectives here.
     *
     * @param finished the finished trials, in trial number order
     */
    protected Observations observe(AskContext context, List<FrozenTrial> finished) {
        Objective primary = context.objectives().get(0);
        List<FrozenTrial> observed = finished.stream()
                .filter(t -> t.state() == TrialState.COMPLETE
                        && t.metrics().containsKey(primary.metric()))
                .toList();
        List<Double> values = observed.stream()
                .map(t -> -primary.direction().toMinimized(t.metrics().get(primary.metric())))
                .toList();
        return new Observations(observed, values, Map.of());
    }

    /**
     * The training data of one proposal's predictor.
     *
     * @param trials the trials, in trial number order
     * @param values one value per trial, larger is better
     * @param notes attributes to store with the proposal
     */
    protected record Observations(List<FrozenTrial> trials, List<Double> values,
            Map<String, String> notes) {

        public Observations {
            trials = List.copyOf(trials);
            values = List.copyOf(values);
            notes = Map.copyOf(notes);
            if (trials.size() != values.size()) {
                throw new IllegalArgumentException(trials.size() + " trials but "
                        + values.size() + " values");
            }
        }
    }

    private Map<String, String> attributes(Exploration exploration, AskContext context) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(LEVEL_ATTRIBUTE, Integer.toString(exploration.level()));
        if (!exploration.event().isEmpty()) {
            attributes.put(EVENT_ATTRIBUTE, exploration.event());
            LOG.info("Trial {}: {} exploration {} to level {}", context.trialNumber(), name(),
                    exploration.event(), exploration.level());
        }
        return attributes;
    }

    /**
     * Fits the predictor and returns the candidate with the highest acquisition, or a
     * random architecture when there are fewer trials than the predictor needs.
     */
    private Architecture best(AskContext context, Training training, List<Architecture> pool,
            int level) {
        SearchSpace space = context.space();
        List<Architecture> architectures = training.architectures();
        double[] targets = training.targets();
        Predictor predictor = predictor(space, context.random());
        if (architectures.size() < predictor.minTrainingSize()) {
            LOG.debug("Trial {}: predictor {} needs {} trials, got {}; drawing at random",
                    context.trialNumber(), predictor.name(), predictor.minTrainingSize(),
                    architectures.size());
            return randomUnseen(context);
        }
        double[] fitted = search.transform().apply(targets);
        predictor.fit(architectures, fitted);
        // The transforms are monotone, so the best fitted value is the incumbent: the best
        // of the study's own trials, or of the transferred ones before there is any.
        int own = training.own();
        double incumbent = (own > 0 ? Arrays.stream(fitted, 0, own) : Arrays.stream(fitted))
                .max().orElseThrow();

        double beta = search.ucbBeta() * (1 + level);
        double xi = XI_PER_LEVEL * level * standardDeviation(fitted);
        List<Prediction> predictions = predictor.predict(pool);
        Architecture best = pool.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < pool.size(); i++) {
            double score = search.acquisition().score(predictions.get(i), incumbent, beta, xi,
                    context.random());
            if (score > bestScore) {
                bestScore = score;
                best = pool.get(i);
            }
        }
        return best;
    }

    /** Creates the predictor of one proposal: the factory's, or the strategy's own. */
    private Predictor predictor(SearchSpace space, RandomGenerator random) {
        if (predictorFactory != null) {
            return predictorFactory.create(space, random.nextLong());
        }
        if (!space.equals(encodedSpace)) {
            Encoder base = search.encoding().encoder(space);
            encoder = new CachingEncoder(
                    proxy == null ? base : new ProxyAugmentedEncoder(base, proxy, space),
                    ENCODING_CACHE_SIZE);
            encodedSpace = space;
        }
        return newPredictor(space, encoder, random);
    }

    /**
     * Returns the candidates of one proposal, none of them evaluated. The BANANAS rule:
     * an equal share of children of each parent and a share of random architectures
     * that grows with the exploration level.
     *
     * @param parents the best trials' architectures, best first, at most
     *     {@link SearchOptions#parents()}
     * @param level the exploration level
     */
    protected List<Architecture> candidates(AskContext context, List<Architecture> parents,
            int level) {
        int randomCount = randomCandidates(level);
        int parentBudget = search.candidates() - randomCount;
        int perParent = (int) Math.ceil(parentBudget / (double) parents.size());

        CandidatePool pool = new CandidatePool(context);
        for (Architecture parent : parents) {
            if (perParent > 0) {
                addChildren(context, parent, perParent, pool);
            }
        }
        addRandom(context, randomCount, pool);
        return pool.architectures();
    }

    /**
     * Returns the number of random candidates at exploration {@code level}: the pool size
     * times the random share, which grows by its own value per level, up to all of it.
     */
    protected final int randomCandidates(int level) {
        double share = Math.min(1, search.randomShare() * (1 + level));
        return (int) Math.round(search.candidates() * share);
    }

    /** Draws {@code count} random architectures into {@code pool}, dropping repeats. */
    protected static void addRandom(AskContext context, int count, CandidatePool pool) {
        for (int draw = 0; draw < count; draw++) {
            pool.add(context.space().sample(context.random()));
        }
    }

    /**
     * Adds up to {@code count} children of {@code parent}: every one-choice neighbour
     * when there are at most {@code count}, topped up with two-choice mutations, and
     * otherwise random one-choice mutations.
     */
    private static void addChildren(AskContext context, Architecture parent, int count,
            CandidatePool pool) {
        SearchSpace space = context.space();
        List<Architecture> neighbours = space.size() > 0 ? space.neighbours(parent) : List.of();
        if (!neighbours.isEmpty() && neighbours.size() <= count) {
            neighbours.forEach(pool::add);
            for (int i = neighbours.size(); i < count; i++) {
                Architecture once = space.mutate(parent, context.random());
                pool.add(space.mutate(once, context.random()));
            }
            return;
        }
        int missing = count;
        int draws = count * MAX_MUTATION_DRAWS;
        for (int i = 0; i < draws && missing > 0; i++) {
            if (pool.add(space.mutate(parent, context.random()))) {
                missing--;
            }
        }
    }

    private List<Architecture> bestArchitectures(Training training) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            order.add(i);
        }
        // Best value first; stable sort keeps the earlier trial first among ties.
        order.sort(Comparator.comparingDouble(i -> -training.targets()[i]));
        List<Architecture> parents = new ArrayList<>();
        for (int i = 0; i < Math.min(search.parents(), order.size()); i++) {
            parents.add(training.architectures().get(order.get(i)));
        }
        return parents;
    }

    private static Architecture randomUnseen(AskContext context) {
        Architecture candidate = context.space().sample(context.random());
        for (int draw = 1; draw < 1000 && context.isEvaluated(candidate); draw++) {
            candidate = context.space().sample(context.random());
        }
        return candidate;
    }

    private static double standardDeviation(double[] values) {
        double mean = 0;
        for (double value : values) {
            mean += value / values.length;
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / values.length);
    }

    @Override
    public void tell(FrozenTrial trial) {
        trials.add(trial);
    }
}
