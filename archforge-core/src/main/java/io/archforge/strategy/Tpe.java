package io.archforge.strategy;

import io.archforge.fidelity.Fidelity;
import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A tree-structured Parzen estimator (Bergstra, Bardenet, Bengio and Kegl, "Algorithms
 * for Hyper-Parameter Optimization", NeurIPS 2011) in the multivariate form BOHB uses
 * (Falkner, Klein and Hutter, ICML 2018). The finished trials are split into the best
 * {@link TpeOptions#topFraction()} and the rest; each part gets a kernel density over
 * the space's choices (a product kernel per observation: a categorical or integer
 * choice keeps the observed value with probability {@code 1 - bandwidth}; a real
 * choice has a Gaussian of width {@code bandwidth} times its range). Candidates are
 * drawn from the good density, widened by {@link TpeOptions#bandwidthFactor()}, and the
 * one with the highest ratio of good to bad density is proposed. A share of proposals
 * is random, as in BOHB, and so is every proposal until both parts have
 * {@link TpeOptions#minPoints()} observations.
 *
 * <p>With a multi-fidelity scheduler the densities use the highest fidelity that has
 * enough observations (the trial attribute {@value Fidelity#ATTRIBUTE}; a trial
 * without one counts as full fidelity). Only the first objective ranks trials.
 */
public final class Tpe implements Strategy {

    /** The strategy name. */
    public static final String NAME = "tpe";

    private static final String FULL = "full";
    private static final double LOG_FLOOR = -700;

    private final TpeOptions options;
    private final List<FrozenTrial> trials = new ArrayList<>();

    public Tpe(TpeOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The settings. */
    public TpeOptions options() {
        return options;
    }

    @Override
    public Architecture ask(AskContext context) {
        RandomGenerator random = context.random();
        if (random.nextDouble() < options.randomFraction()) {
            return RandomSearch.drawUnseen(context, RandomSearch.MAX_DRAWS);
        }
        SearchSpace space = context.space();
        int minPoints = options.minPoints() > 0 ? options.minPoints() : space.choices().size() + 1;
        List<FrozenTrial> observed = observations(context.objectives().get(0), minPoints);
        if (observed.isEmpty()) {
            return RandomSearch.drawUnseen(context, RandomSearch.MAX_DRAWS);
        }
        int good = Math.min(observed.size() - minPoints,
                Math.max(minPoints, (int) Math.ceil(options.topFraction() * observed.size())));
        List<double[]> goodPoints = points(space, observed.subList(0, good));
        List<double[]> badPoints = points(space, observed.subList(good, observed.size()));
        Architecture best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int draw = 0; draw < options.candidates(); draw++) {
            double[] genes = sample(space.choices(), goodPoints.get(random.nextInt(goodPoints.size())),
                    random);
            Architecture candidate = space.of(toGenes(space.choices(), genes));
            if (context.isEvaluated(candidate)) {
                continue;
            }
            double score = logDensity(space.choices(), goodPoints, genes)
                    - logDensity(space.choices(), badPoints, genes);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best != null ? best : RandomSearch.drawUnseen(context, RandomSearch.MAX_DRAWS);
    }

    @Override
    public void tell(FrozenTrial trial) {
        trials.add(trial);
    }

    /**
     * Returns the complete trials of the highest fidelity with at least {@code minPoints + 2}
     * observations, best first, or none when no fidelity has that many.
     */
    private List<FrozenTrial> observations(Objective primary, int minPoints) {
        Map<String, List<FrozenTrial>> byFidelity = new LinkedHashMap<>();
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.COMPLETE && trial.metrics().containsKey(primary.metric())) {
                byFidelity.computeIfAbsent(trial.attributes().getOrDefault(Fidelity.ATTRIBUTE, FULL),
                        f -> new ArrayList<>()).add(trial);
            }
        }
        Comparator<String> highestFirst = Comparator.comparingDouble(Tpe::fidelityValue).reversed();
        return byFidelity.entrySet().stream()
                .filter(e -> e.getValue().size() >= minPoints + 2)
                .sorted(Map.Entry.comparingByKey(highestFirst))
                .findFirst()
                .map(e -> e.getValue().stream()
                        .sorted(Comparator.comparingDouble((FrozenTrial t) ->
                                        primary.direction().toMinimized(t.metrics().get(primary.metric())))
                                .thenComparingInt(FrozenTrial::number))
                        .toList())
                .orElse(List.of());
    }

    private static double fidelityValue(String text) {
        return FULL.equals(text) ? Double.POSITIVE_INFINITY : Fidelity.parse(text).value();
    }

    private static List<double[]> points(SearchSpace space, List<FrozenTrial> trials) {
        List<double[]> points = new ArrayList<>();
        for (FrozenTrial trial : trials) {
            Architecture architecture = space.parse(trial.architecture());
            double[] genes = new double[architecture.genes().size()];
            for (int i = 0; i < genes.length; i++) {
                genes[i] = architecture.genes().get(i).doubleValue();
            }
            points.add(genes);
        }
        return points;
    }

    /** Draws from the widened kernel around {@code center}. */
    private double[] sample(List<Choice> choices, double[] center, RandomGenerator random) {
        double bandwidth = Math.min(0.9, options.bandwidth() * options.bandwidthFactor());
        double[] genes = center.clone();
        for (int d = 0; d < choices.size(); d++) {
            Choice choice = choices.get(d);
            if (choice instanceof Choice.FloatRange range) {
                double width = scale(range, range.high()) - scale(range, range.low());
                double moved = scale(range, center[d]) + random.nextGaussian() * bandwidth * width;
                double clipped = Math.max(scale(range, range.low()), Math.min(scale(range, range.high()), moved));
                double value = range.log() ? Math.exp(clipped) : clipped;
                // exp(log(x)) may leave the bounds by a rounding error
                genes[d] = Math.max(range.low(), Math.min(range.high(), value));
            } else if (random.nextDouble() < bandwidth) {
                int levels = levels(choice);
                if (levels > 1) {
                    int current = levelOf(choice, center[d]);
                    int other = random.nextInt(levels - 1);
                    genes[d] = valueOf(choice, other >= current ? other + 1 : other);
                }
            }
        }
        return genes;
    }

    /** Returns the log of the mean product-kernel density of {@code points} at {@code x}. */
    private double logDensity(List<Choice> choices, List<double[]> points, double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        double[] logs = new double[points.size()];
        for (int p = 0; p < points.size(); p++) {
            double log = 0;
            double[] center = points.get(p);
            for (int d = 0; d < choices.size(); d++) {
                log += logKernel(choices.get(d), center[d], x[d]);
            }
            logs[p] = log;
            max = Math.max(max, log);
        }
        double sum = 0;
        for (double log : logs) {
            sum += Math.exp(log - max);
        }
        return Math.max(LOG_FLOOR, max + Math.log(sum / points.size()));
    }

    private double logKernel(Choice choice, double center, double x) {
        double bandwidth = options.bandwidth();
        if (choice instanceof Choice.FloatRange range) {
            double width = scale(range, range.high()) - scale(range, range.low());
            if (width == 0) {
                return 0;
            }
            double sd = bandwidth * width;
            double z = (scale(range, x) - scale(range, center)) / sd;
            return -0.5 * z * z - Math.log(sd);
        }
        int levels = levels(choice);
        if (levels <= 1) {
            return 0;
        }
        return center == x ? Math.log(1 - bandwidth) : Math.log(bandwidth / (levels - 1));
    }

    private static double scale(Choice.FloatRange range, double value) {
        return range.log() ? Math.log(value) : value;
    }

    private static int levels(Choice choice) {
        if (choice instanceof Choice.Categorical categorical) {
            return categorical.options().size();
        }
        return choice instanceof Choice.IntRange range ? range.size() : 0;
    }

    private static int levelOf(Choice choice, double gene) {
        return choice instanceof Choice.IntRange r ? ((int) gene - r.low()) / r.step() : (int) gene;
    }

    private static double valueOf(Choice choice, int level) {
        return choice instanceof Choice.IntRange r ? r.low() + level * r.step() : level;
    }

    private static List<Number> toGenes(List<Choice> choices, double[] genes) {
        List<Number> result = new ArrayList<>(genes.length);
        for (int d = 0; d < genes.length; d++) {
            result.add(choices.get(d) instanceof Choice.FloatRange ? (Number) genes[d] : (Number) (int) genes[d]);
        }
        return result;
    }
}
