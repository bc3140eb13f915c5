package io.archforge.strategy;

import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.transfer.SourceStudy;
import io.archforge.transfer.Transfer;
import io.archforge.transfer.TransferredTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Policy-gradient search with REINFORCE (Williams 1992), as used for architecture
 * search by Zoph and Le (ICLR 2017), with an independent softmax per choice instead
 * of their recurrent controller.
 *
 * <p>Each categorical choice has one logit per option, each integer choice one logit
 * per legal value. A real-valued choice is cut into {@value #REAL_BINS} bins of equal
 * width (on a log scale when the choice is log-scaled) with one logit each: the policy
 * picks a bin, and the value is drawn uniformly within it. A proposal samples every
 * choice from {@code softmax(logits / temperature)}, redrawing up to
 * {@value #MAX_SAMPLES} times while the architecture's isomorphism class was already
 * evaluated, then falling back to random search.
 *
 * <p>Reward: the primary objective's value, negated when minimised, standardised by
 * the running mean and standard deviation of all rewards seen so far (0 for the first
 * one). The advantage is the reward minus a moving-average baseline of past rewards
 * ({@code b <- decay b + (1 - decay) r}). Each choice's logits move by the learning
 * rate times the advantage times the gradient of the log-probability of the option
 * taken, plus the entropy weight times the gradient of the softmax entropy.
 *
 * <p>The policy learns from every complete trial passed to tell, proposed by it or not, so
 * trials of an earlier study replayed by {@link #warmStart} shape it too. Trials told
 * before the first proposal wait until the proposal names the space and objectives,
 * then are learnt in the order told; the state is therefore rebuilt exactly by
 * replaying tell.
 *
 * <p>Transfer ({@link #warmStart(Transfer)}): with one objective and no constraints,
 * the first proposals are the sources' {@linkplain Transfer#elites elites}, as many as
 * {@value #SEEDS} times the largest source weight, marked with
 * {@value Transfer#TRANSFERRED_FROM}. The policy of each source study is learnt once,
 * by the same updates over the source's trials in number order, and a proposal samples
 * from the own logits plus each source's logits times its current weight times
 * {@code k / (k + n)}, where {@code n} counts the trials the own policy learnt from
 * and {@code k} is {@value #PRIOR_TRIALS}. A source that ranks the new task's trials
 * well thus steers the first proposals, one that does not fades out as its weight
 * falls, and either way the study's own trials take over as they accumulate.
 *
 * <p>Exploration: after {@code patience} trials without improvement the level rises
 * (at most {@code maxLevel}); at level L the temperature is multiplied by
 * {@code 1 + L/2} and the entropy weight by {@code 1 + L}. An improvement returns
 * the level to 0.
 */
public final class Reinforce implements Strategy {

    /** The strategy name. */
    public static final String NAME = "reinforce";

    /** The maximum number of the sources' elites proposed first, at a source weight of 1. */
    static final int SEEDS = 10;
    /** The own trials after which a source's policy counts half. */
    static final int PRIOR_TRIALS = 50;

    /** Samples of the policy per proposal before falling back to random search. */
    static final int MAX_SAMPLES = 100;

    /** Bins of a real-valued choice, each with its own logit. */
    static final int REAL_BINS = 8;

    private final ReinforceOptions options;
    private final Exploration exploration;
    private final List<FrozenTrial> backlog = new ArrayList<>();
    private SearchSpace space;
    private Objective primary;
    private double[][] logits;
    private long rewards;
    private double rewardMean;
    private double rewardSquares;
    private double baseline;
    private Transfer transfer;
    private final Map<String, double[][]> sourceLogits = new LinkedHashMap<>();

    public Reinforce(ReinforceOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.exploration = new Exploration(NAME, options.patience(), options.maxLevel());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The settings. */
    public ReinforceOptions options() {
        return options;
    }

    /**
     * Learns from the trials of an earlier study, in the order given, as if they had
     * been passed to {@link #tell}. The trials must belong to the same space and carry
     * the same primary objective. Call it before {@code Study.open} on every run of a
     * study, resumes included, because a resume rebuilds the state by replaying only
     * the study's own trials after these.
     */
    public void warmStart(List<FrozenTrial> trials) {
        trials.forEach(this::tell);
    }

    @Override
    public boolean warmStart(Transfer transfer) {
        this.transfer = Objects.requireNonNull(transfer, "transfer");
        return true;
    }

    @Override
    public Architecture ask(AskContext context) {
        return propose(context).architecture();
    }

    @Override
    public Proposal propose(AskContext context) {
        bind(context);
        var notes = exploration.notes(context.trialNumber());
        Optional<TransferredTrial> seed = nextSeed(context);
        if (seed.isPresent()) {
            Map<String, String> marked = new LinkedHashMap<>(notes);
            marked.put(Transfer.TRANSFERRED_FROM, seed.get().mark());
            return new Proposal(seed.get().architecture(), marked);
        }
        double temperature = temperature();
        double[][] policy = policy();
        for (int sample = 0; sample < MAX_SAMPLES; sample++) {
            Architecture candidate = sample(policy, context.random(), temperature);
            if (!context.isEvaluated(candidate)) {
                return new Proposal(candidate, notes);
            }
        }
        return new Proposal(RandomSearch.drawUnseen(context, RandomSearch.MAX_DRAWS), notes);
    }

    /** Returns the next elite of the sources to propose, or empty once the share is spent. */
    private Optional<TransferredTrial> nextSeed(AskContext context) {
        if (transfer == null || !context.hasOneObjectiveWithoutConstraints()) {
            return Optional.empty();
        }
        return transfer.nextSeed(SEEDS, context::isEvaluated);
    }

    @Override
    public void tell(FrozenTrial trial) {
        if (space == null) {
            backlog.add(trial);
        } else {
            learn(trial);
        }
    }

    /** The probabilities of the options of choice {@code index}, once a space is known. */
    double[] probabilities(int index) {
        return softmax(logits[index], temperature());
    }

    /** Fixes the space and objective on the first proposal and learns the backlog. */
    private void bind(AskContext context) {
        if (space != null) {
            return;
        }
        space = context.space();
        primary = context.objectives().get(0);
        logits = new double[space.choices().size()][];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = new double[optionCount(space.choices().get(i))];
        }
        backlog.forEach(this::learn);
        backlog.clear();
        if (transfer != null) {
            for (SourceStudy source : transfer.sources()) {
                Reinforce learner = new Reinforce(options);
                learner.space = space;
                learner.logits = new double[logits.length][];
                for (int i = 0; i < logits.length; i++) {
                    learner.logits[i] = new double[logits[i].length];
                }
                source.trials().stream()
                        .sorted(Comparator.comparingInt(TransferredTrial::number))
                        .forEach(t -> learner.update(t.architecture(), t.value(), 0));
                sourceLogits.put(source.name(), learner.logits);
            }
        }
    }

    /** Returns the own logits plus each source's logits times its current weight. */
    private double[][] policy() {
        if (sourceLogits.isEmpty()) {
            return logits;
        }
        double[][] policy = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            policy[i] = logits[i].clone();
        }
        for (Map.Entry<String, double[][]> source : sourceLogits.entrySet()) {
            double weight = transfer.weight(source.getKey())
                    * PRIOR_TRIALS / (PRIOR_TRIALS + (double) rewards);
            for (int i = 0; i < policy.length; i++) {
                for (int j = 0; j < policy[i].length; j++) {
                    policy[i][j] += weight * source.getValue()[i][j];
                }
            }
        }
        return policy;
    }

    private static int optionCount(Choice choice) {
        if (choice instanceof Choice.Categorical categorical) {
            return categorical.options().size();
        }
        if (choice instanceof Choice.IntRange range) {
            return range.size();
        }
        Choice.FloatRange range = (Choice.FloatRange) choice;
        return range.high() > range.low() ? REAL_BINS : 1;
    }

    private Architecture sample(double[][] policy, RandomGenerator random, double temperature) {
        List<Number> genes = new ArrayList<>(policy.length);
        for (int i = 0; i < policy.length; i++) {
            int option = draw(softmax(policy[i], temperature), random);
            genes.add(gene(space.choices().get(i), option, random));
        }
        return space.of(genes);
    }

    private static int draw(double[] probabilities, RandomGenerator random) {
        double u = random.nextDouble();
        for (int option = 0; option < probabilities.length - 1; option++) {
            u -= probabilities[option];
            if (u < 0) {
                return option;
            }
        }
        return probabilities.length - 1;
    }

    private static Number gene(Choice choice, int option, RandomGenerator random) {
        if (choice instanceof Choice.FloatRange range) {
            if (range.high() == range.low()) {
                return range.low();
            }
            double width = (scale(range, range.high()) - scale(range, range.low())) / REAL_BINS;
            double start = scale(range, range.low()) + option * width;
            double value = start + random.nextDouble() * width;
            value = range.log() ? Math.exp(value) : value;
            return Math.max(range.low(), Math.min(range.high(), value));
        }
        return choice instanceof Choice.IntRange r ? r.low() + option * r.step() : option;
    }

    private static int option(Choice choice, Number gene) {
        if (choice instanceof Choice.FloatRange range) {
            if (range.high() == range.low()) {
                return 0;
            }
            double low = scale(range, range.low());
            double share = (scale(range, gene.doubleValue()) - low)
                    / (scale(range, range.high()) - low);
            return Math.max(0, Math.min(REAL_BINS - 1, (int) Math.floor(share * REAL_BINS)));
        }
        int value = gene.intValue();
        return choice instanceof Choice.IntRange r ? (value - r.low()) / r.step() : value;
    }

    private static double scale(Choice.FloatRange range, double value) {
        return range.log() ? Math.log(value) : value;
    }

    private void learn(FrozenTrial trial) {
        if (!trial.hasValues(List.of(primary))) {
            return;
        }
        Architecture architecture = space.parse(trial.architecture());
        exploration.observe(trial, primary);
        double reward = -primary.direction().toMinimized(trial.metrics().get(primary.metric()));
        update(architecture, reward, exploration.level());
    }

    /**
     * Makes one policy-gradient update for {@code architecture} with {@code reward}, larger
     * is better.
     */
    private void update(Architecture architecture, double reward, int level) {
        double advantage = advantage(reward);
        double temperature = options.temperature() * (1 + 0.5 * level);
        double entropyWeight = options.entropy() * (1 + level);
        for (int i = 0; i < logits.length; i++) {
            int taken = option(space.choices().get(i), architecture.genes().get(i));
            step(logits[i], taken, advantage, entropyWeight, temperature);
        }
    }

    /** Standardises the reward and returns it minus the baseline, then moves the baseline. */
    private double advantage(double reward) {
        rewards++;
        double delta = reward - rewardMean;
        rewardMean += delta / rewards;
        rewardSquares += delta * (reward - rewardMean);
        double deviation = rewards < 2 ? 0 : Math.sqrt(rewardSquares / (rewards - 1));
        double standardised = deviation > 0 ? (reward - rewardMean) / deviation : 0;

        double advantage = standardised - baseline;
        baseline = options.baselineDecay() * baseline
                + (1 - options.baselineDecay()) * standardised;
        return advantage;
    }

    /** One gradient-ascent step on {@code advantage * log p(taken) + weight * entropy}. */
    private void step(double[] row, int taken, double advantage, double entropyWeight,
            double temperature) {
        double[] p = softmax(row, temperature);
        double entropy = 0;
        for (double q : p) {
            entropy -= q > 0 ? q * Math.log(q) : 0;
        }
        for (int j = 0; j < row.length; j++) {
            double logProbability = ((j == taken ? 1 : 0) - p[j]) / temperature;
            double logP = p[j] > 0 ? Math.log(p[j]) : 0;
            double entropyGradient = -p[j] * (logP + entropy) / temperature;
            row[j] += options.learningRate()
                    * (advantage * logProbability + entropyWeight * entropyGradient);
        }
    }

    private double temperature() {
        return options.temperature() * (1 + 0.5 * exploration.level());
    }

    private static double[] softmax(double[] row, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            max = Math.max(max, v);
        }
        double[] p = new double[row.length];
        double sum = 0;
        for (int j = 0; j < row.length; j++) {
            p[j] = Math.exp((row[j] - max) / temperature);
            sum += p[j];
        }
        for (int j = 0; j < row.length; j++) {
            p[j] /= sum;
        }
        return p;
    }
}
