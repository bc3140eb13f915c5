package io.archforge.strategy.bo;

import io.archforge.predictor.Prediction;
import io.archforge.predictor.surrogate.Surrogate;

import io.archforge.encoding.Encoder;
import io.archforge.proxy.ProxyFeature;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.strategy.AskContext;
import io.archforge.strategy.Proposal;
import io.archforge.strategy.Strategy;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bayesian optimisation over architectures: fit a surrogate with uncertainty to the
 * encoded trials so far, score a pool of unevaluated candidates with an acquisition
 * function, and propose the best one.
 *
 * <p>The first {@link SearchOptions#initialRandom()} proposals are random. After
 * that the pool contains mutations of the {@link SearchOptions#parents()} best
 * trials (all one-choice neighbours when there are few enough) and a share of random
 * architectures, without evaluated ones, as in the acquisition search of BANANAS
 * (White, Neiswanger and Savani, AAAI 2021). The surrogate is fitted to the values
 * after {@link SearchOptions#transform()}. The primary objective is maximised after
 * its direction is normalised. {@link Exploration} raises the UCB weight, the EI
 * margin and the share of random candidates while the search stalls. Each proposal
 * stores the level as {@value #LEVEL_ATTRIBUTE} and any change as
 * {@value #EVENT_ATTRIBUTE}.
 *
 * <p>The state is the list of finished trials, so replaying {@link #tell} restores it,
 * and every random draw, surrogate training included, comes from
 * {@link AskContext#random()}.
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

    private static final Logger LOG = LoggerFactory.getLogger(BayesianStrategy.class);

    private final SearchOptions search;
    private final List<FrozenTrial> trials = new ArrayList<>();
    private final Map<String, double[]> encodings = new HashMap<>();
    private Encoder encoder;
    private SearchSpace encodedSpace;
    private ProxyFeature proxy;

    protected BayesianStrategy(SearchOptions search) {
        this.search = Objects.requireNonNull(search, "search");
    }

    /** The shared settings. */
    public SearchOptions search() {
        return search;
    }

    /**
     * Adds a zero-cost proxy, standardised, to the surrogate's inputs, in the spirit of
     * ProxyBO (Shen et al., "ProxyBO: Accelerating Neural Architecture Search via
     * Bayesian Optimization with Zero-cost Proxies", AAAI 2023), which lets the model
     * learn how far to trust the proxy. A candidate the proxy cannot score gets the
     * reference mean, 0.
     */
    public void useProxy(ProxyFeature feature) {
        this.proxy = Objects.requireNonNull(feature, "feature");
        encodings.clear();
    }

    /** A new, unfitted surrogate that draws from {@code random}. */
    protected abstract Surrogate newSurrogate(RandomGenerator random);

    /** The most recent successful trials the surrogate is fitted to; all by default. */
    protected int maxTrainingSize() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Architecture ask(AskContext context) {
        return propose(context).architecture();
    }

    @Override
    public Proposal propose(AskContext context) {
        Objective primary = context.objectives().get(0);
        // Trial number order, so the result does not depend on the order of results.
        List<FrozenTrial> observed = trials.stream()
                .sorted(Comparator.comparingInt(FrozenTrial::number))
                .filter(t -> t.state() == TrialState.COMPLETE
                        && t.metrics().containsKey(primary.metric()))
                .toList();
        List<Double> values = observed.stream()
                .map(t -> -primary.direction().toMinimized(t.metrics().get(primary.metric())))
                .toList();
        Exploration exploration = Exploration.after(values, search.initialRandom(),
                search.patience(), search.maxLevel());
        Map<String, String> attributes = attributes(exploration, context);
        if (observed.size() < search.initialRandom()) {
            return new Proposal(randomUnseen(context), attributes);
        }
        List<Architecture> pool = candidates(context, observed, values, exploration.level());
        if (pool.isEmpty()) {
            LOG.debug("Trial {}: no unevaluated candidate; drawing at random",
                    context.trialNumber());
            return new Proposal(randomUnseen(context), attributes);
        }
        return new Proposal(best(context, observed, values, pool, exploration.level()),
                attributes);
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

    /** Fits the surrogate and returns the candidate with the highest acquisition. */
    private Architecture best(AskContext context, List<FrozenTrial> observed,
            List<Double> values, List<Architecture> pool, int level) {
        SearchSpace space = context.space();
        int first = Math.max(0, observed.size() - maxTrainingSize());
        List<double[]> inputs = new ArrayList<>(observed.size() - first);
        double[] targets = new double[observed.size() - first];
        for (int i = 0; i < targets.length; i++) {
            inputs.add(encode(space, space.parse(observed.get(first + i).architecture())));
            targets[i] = values.get(first + i);
        }
        double[] fitted = search.transform().apply(targets);
        Surrogate surrogate = newSurrogate(context.random());
        surrogate.fit(inputs, fitted);
        // The transforms are monotone, so the best fitted value is the incumbent.
        double incumbent = Arrays.stream(fitted).max().orElseThrow();

        double beta = search.ucbBeta() * (1 + level);
        double xi = XI_PER_LEVEL * level * standardDeviation(fitted);
        Architecture best = pool.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Architecture candidate : pool) {
            Prediction prediction = surrogate.predict(encode(space, candidate));
            double score = search.acquisition().score(prediction, incumbent, beta, xi,
                    context.random());
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    /** The candidate pool: mutations of the best trials and random draws, all unevaluated. */
    private List<Architecture> candidates(AskContext context, List<FrozenTrial> observed,
            List<Double> values, int level) {
        SearchSpace space = context.space();
        RandomGenerator random = context.random();
        double share = Math.min(1, search.randomShare() * (1 + level));
        int randomCount = (int) Math.round(search.candidates() * share);
        int parentBudget = search.candidates() - randomCount;
        List<Architecture> parents = bestArchitectures(space, observed, values);
        int perParent = (int) Math.ceil(parentBudget / (double) parents.size());

        Map<String, Architecture> pool = new LinkedHashMap<>();
        for (Architecture parent : parents) {
            if (perParent > 0) {
                addChildren(context, parent, perParent, pool);
            }
        }
        for (int draw = 0; draw < randomCount; draw++) {
            addIfNew(context, space.sample(random), pool);
        }
        return List.copyOf(pool.values());
    }

    /**
     * Adds up to {@code count} children of {@code parent}: every one-choice neighbour
     * when there are at most {@code count}, topped up with two-choice mutations, and
     * otherwise random one-choice mutations.
     */
    private static void addChildren(AskContext context, Architecture parent, int count,
            Map<String, Architecture> pool) {
        SearchSpace space = context.space();
        List<Architecture> neighbours = space.size() > 0 ? space.neighbours(parent) : List.of();
        if (!neighbours.isEmpty() && neighbours.size() <= count) {
            neighbours.forEach(n -> addIfNew(context, n, pool));
            for (int i = neighbours.size(); i < count; i++) {
                Architecture once = space.mutate(parent, context.random());
                addIfNew(context, space.mutate(once, context.random()), pool);
            }
            return;
        }
        int missing = count;
        int draws = count * MAX_MUTATION_DRAWS;
        for (int i = 0; i < draws && missing > 0; i++) {
            if (addIfNew(context, space.mutate(parent, context.random()), pool)) {
                missing--;
            }
        }
    }

    private static boolean addIfNew(AskContext context, Architecture candidate,
            Map<String, Architecture> pool) {
        if (pool.containsKey(candidate.isomorphismKey()) || context.isEvaluated(candidate)) {
            return false;
        }
        pool.put(candidate.isomorphismKey(), candidate);
        return true;
    }

    private List<Architecture> bestArchitectures(SearchSpace space, List<FrozenTrial> observed,
            List<Double> values) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < observed.size(); i++) {
            order.add(i);
        }
        // Best value first; stable sort keeps the earlier trial first among ties.
        order.sort(Comparator.comparingDouble(i -> -values.get(i)));
        List<Architecture> parents = new ArrayList<>();
        for (int i = 0; i < Math.min(search.parents(), order.size()); i++) {
            parents.add(space.parse(observed.get(order.get(i)).architecture()));
        }
        return parents;
    }

    private double[] encode(SearchSpace space, Architecture architecture) {
        if (!space.equals(encodedSpace)) {
            encoder = search.encoding().encoder(space);
            encodedSpace = space;
            encodings.clear();
        }
        return encodings.computeIfAbsent(architecture.text(), t -> withProxy(space, architecture,
                encoder.encode(architecture)));
    }

    private double[] withProxy(SearchSpace space, Architecture architecture, double[] encoded) {
        if (proxy == null) {
            return encoded;
        }
        double[] inputs = Arrays.copyOf(encoded, encoded.length + 1);
        try {
            inputs[encoded.length] = proxy.standardised(space, architecture);
        } catch (ArithmeticException e) {
            inputs[encoded.length] = 0;
        }
        return inputs;
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
