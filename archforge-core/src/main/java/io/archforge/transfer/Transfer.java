package io.archforge.transfer;

import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * The knowledge a new study takes from earlier studies: their complete trials, each source
 * weighted by how well its ranking agrees with the new task's.
 *
 * <p>The agreement is measured on the new study's own complete trials: each gets the
 * source's value for the same architecture, or for its nearest ones (see
 * {@link SourceModel}), and Kendall's tau compares the two rankings. Trials that
 * evaluate a transferred architecture ({@value #TRANSFERRED_FROM}) are left out of it.
 * They were chosen for their high source values, so they cover too narrow a range to
 * measure the agreement. The weight of a
 * source starts at a prior and moves to the rank correlation as pairs accumulate:
 * {@code w = (k * prior + n * max(0, r)) / (k + n)}, where {@code n} is the number of
 * pairs, {@code k} a pseudo-count, and {@code r = sin(pi * tau / 2)} the Pearson
 * correlation that tau implies for normal data (Greiner's relation). A source whose
 * ranking disagrees with the new task therefore fades out, and one that agrees keeps
 * a weight near its correlation.
 *
 * <p>Strategies use the weight to shrink the source's standardised values towards the
 * mean: a transferred trial's {@linkplain #score score} is {@code w * z}, in standard
 * deviations of the new task, which is the best linear guess of the new task's value
 * when the two correlate by {@code w}. The state is rebuilt by observing the new
 * study's trials again in number order. Not thread-safe; the study calls it from one
 * thread.
 */
public final class Transfer {

    /** The trial attribute naming the transferred trial whose architecture a trial evaluates. */
    public static final String TRANSFERRED_FROM = "transferred_from";
    /** The trial attribute holding the weight of each source when the trial was proposed. */
    public static final String WEIGHTS = "transfer_weights";
    /** The weight of a source before the new task has any trial. */
    public static final double DEFAULT_PRIOR = 0.5;
    /** How many pairs the prior counts for. */
    public static final int DEFAULT_PSEUDO_PAIRS = 10;

    private final SearchSpace space;
    private final Objective primary;
    private final double prior;
    private final int pseudoPairs;
    private final Map<String, SourceStudy> sources = new LinkedHashMap<>();
    private final Map<String, SourceModel> models = new LinkedHashMap<>();
    private final Map<String, RankAgreement> agreements = new LinkedHashMap<>();
    private final Map<String, double[]> scales = new LinkedHashMap<>();
    private final Set<Integer> observed = new HashSet<>();
    private final Set<Integer> seeded = new HashSet<>();
    private int targetCount;
    private double targetMean;
    private double targetSquares;

    private Transfer(SearchSpace space, Objective primary, List<SourceStudy> sources,
            double prior, int pseudoPairs) {
        this.space = Objects.requireNonNull(space, "space");
        this.primary = Objects.requireNonNull(primary, "primary");
        if (!(prior >= 0 && prior <= 1)) {
            throw new IllegalArgumentException("transfer prior weight " + prior
                    + " is outside [0, 1]");
        }
        if (pseudoPairs < 0) {
            throw new IllegalArgumentException("transfer pseudo-count " + pseudoPairs
                    + " is negative");
        }
        this.prior = prior;
        this.pseudoPairs = pseudoPairs;
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a transfer needs at least one source study");
        }
        for (SourceStudy source : sources) {
            if (this.sources.put(source.name(), source) != null) {
                throw new IllegalArgumentException("source study '" + source.name()
                        + "' is given twice");
            }
            models.put(source.name(), new SourceModel(source, space));
            scales.put(source.name(), new double[] {source.mean(), source.standardDeviation()});
            agreements.put(source.name(), new RankAgreement());
        }
    }

    /** Knowledge from {@code sources} with the default prior and pseudo-count. */
    public static Transfer of(SearchSpace space, Objective primary, List<SourceStudy> sources) {
        return new Transfer(space, primary, sources, DEFAULT_PRIOR, DEFAULT_PSEUDO_PAIRS);
    }

    /**
     * Knowledge from {@code sources} with another prior weight (0 to 1) and pseudo-count
     * (how many pairs the prior counts for; 0 trusts the measured agreement at once).
     */
    public static Transfer of(SearchSpace space, Objective primary, List<SourceStudy> sources,
            double prior, int pseudoPairs) {
        return new Transfer(space, primary, sources, prior, pseudoPairs);
    }

    /** Returns the new study's primary objective, whose metric the source values carry. */
    public Objective primary() {
        return primary;
    }

    /** Returns the source studies, in the order given. */
    public List<SourceStudy> sources() {
        return List.copyOf(sources.values());
    }

    /**
     * Learns from one trial of the new study: a complete trial with the primary metric
     * adds one pair to the agreement with each source that has a value for it. Other
     * trials, and trials seen before, change nothing.
     */
    public void observe(FrozenTrial trial) {
        if (trial.attributes().containsKey(TRANSFERRED_FROM)) {
            seeded.add(trial.number());
        }
        if (trial.state() != TrialState.COMPLETE || !trial.metrics().containsKey(primary.metric())
                || !observed.add(trial.number())) {
            return;
        }
        double value = larger(trial.metrics().get(primary.metric()));
        if (!Double.isFinite(value)) {
            return;
        }
        targetCount++;
        double delta = value - targetMean;
        targetMean += delta / targetCount;
        targetSquares += delta * (value - targetMean);
        if (trial.attributes().containsKey(TRANSFERRED_FROM)) {
            return;
        }
        Architecture architecture = space.parse(trial.architecture());
        for (Map.Entry<String, SourceModel> entry : models.entrySet()) {
            OptionalDouble source = entry.getValue().value(architecture);
            if (source.isPresent()) {
                agreements.get(entry.getKey()).add(source.getAsDouble(), value);
            }
        }
    }

    /** Returns the similarity of source {@code name} as measured so far. */
    public Similarity similarity(String name) {
        RankAgreement agreement = agreements.get(name);
        if (agreement == null) {
            throw new IllegalArgumentException("no source study '" + name + "'; sources are "
                    + sources.keySet());
        }
        int pairs = agreement.count();
        double tau = agreement.tau();
        double correlation = Math.max(0, Math.sin(Math.PI * tau / 2));
        double weight = pairs + pseudoPairs == 0 ? prior
                : (pseudoPairs * prior + pairs * correlation) / (pseudoPairs + pairs);
        return new Similarity(name, pairs, tau, weight);
    }

    /** Returns the similarity of every source, in the order given. */
    public List<Similarity> similarities() {
        return sources.keySet().stream().map(this::similarity).toList();
    }

    /** Returns the current weight of source {@code name}, between 0 and 1. */
    public double weight(String name) {
        return similarity(name).weight();
    }

    /**
     * Returns the shrunk value of {@code trial} in standard deviations of the new task:
     * the source's weight times its standardised value.
     */
    public double score(TransferredTrial trial) {
        return weight(trial.source()) * standardised(trial);
    }

    /** Returns the source value of {@code trial} in standard deviations of its source. */
    private double standardised(TransferredTrial trial) {
        double[] scale = scales.get(trial.source());
        return (trial.value() - scale[0]) / scale[1];
    }

    /**
     * Returns every transferred trial, highest {@linkplain #score score} first; ties keep the
     * sources' order and then the trial numbers.
     */
    public List<TransferredTrial> ranked() {
        Map<String, Double> weights = new LinkedHashMap<>();
        sources.keySet().forEach(name -> weights.put(name, weight(name)));
        List<TransferredTrial> all = new ArrayList<>();
        sources.values().forEach(source -> all.addAll(source.trials()));
        Map<TransferredTrial, Double> scores = new java.util.IdentityHashMap<>();
        for (TransferredTrial trial : all) {
            scores.put(trial, weights.get(trial.source()) * standardised(trial));
        }
        all.sort(Comparator.comparingDouble((TransferredTrial t) -> -scores.get(t)));
        return List.copyOf(all);
    }

    /**
     * Returns the best transferred trials, at most {@code count}, that lie apart from one
     * another: in {@linkplain #ranked ranked} order, each one taken differs from every
     * one taken before in at least two choices (one in a space of three or fewer), so
     * that a population seeded with them covers more than one neighbourhood.
     */
    public List<TransferredTrial> elites(int count) {
        GeneDistance distance = new GeneDistance(space);
        double separation = distance.choiceCount() > 3 ? 2 : 1;
        List<TransferredTrial> chosen = new ArrayList<>();
        for (TransferredTrial trial : ranked()) {
            if (chosen.size() >= count) {
                break;
            }
            boolean apart = chosen.stream().allMatch(c -> distance.between(c.architecture(),
                    trial.architecture()) >= separation);
            if (apart) {
                chosen.add(trial);
            }
        }
        return List.copyOf(chosen);
    }

    /**
     * Returns the next elite to propose while a strategy seeds {@code slots} places, or
     * empty once {@code slots} times the largest source weight were proposed (counted
     * from the observed trials marked {@value #TRANSFERRED_FROM}) or no unevaluated
     * elite is left.
     *
     * @param evaluated whether the new study already evaluated an architecture
     */
    public Optional<TransferredTrial> nextSeed(int slots, Predicate<Architecture> evaluated) {
        int share = (int) Math.round(slots * maxWeight());
        if (seeded.size() >= share) {
            return Optional.empty();
        }
        return elites(share).stream().filter(t -> !evaluated.test(t.architecture()))
                .findFirst();
    }

    /** Returns the largest weight of any source. */
    public double maxWeight() {
        return sources.keySet().stream().mapToDouble(this::weight).max().orElse(0);
    }

    /** Returns the number of the new study's complete trials observed. */
    public int targetCount() {
        return targetCount;
    }

    /**
     * Returns the value of one of the new study's trials in standard deviations from the mean of
     * those observed, larger is better; 0 before two trials are observed.
     */
    public double targetScore(double metricValue) {
        if (targetCount < 2) {
            return 0;
        }
        double deviation = Math.sqrt(targetSquares / (targetCount - 1));
        return deviation > 0 ? (larger(metricValue) - targetMean) / deviation : 0;
    }

    /**
     * Returns the weights as stored with a proposal: {@code name=weight,...} with three
     * decimals.
     */
    public String weightsNote() {
        StringJoiner note = new StringJoiner(",");
        for (Similarity similarity : similarities()) {
            note.add(similarity.source() + "="
                    + String.format(Locale.ROOT, "%.3f", similarity.weight()));
        }
        return note.toString();
    }

    private double larger(double metricValue) {
        return -primary.direction().toMinimized(metricValue);
    }
}
