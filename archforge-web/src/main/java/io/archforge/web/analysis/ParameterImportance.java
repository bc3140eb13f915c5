package io.archforge.web.analysis;

import io.archforge.space.Architecture;
import io.archforge.space.ArchitectureFormatException;
import io.archforge.space.Choice;
import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How much of an objective's variance each architecture decision explains on its own.
 *
 * <p>For each decision the complete trials are grouped by the value they took, and the
 * share is epsilon squared (Kelley, 1935): the between-group sum of squares, less the
 * part that chance alone would give {@code k} groups, over the total sum of squares,
 * {@code (SSb - (k - 1) * SSw / (n - k)) / SSt}, clipped to [0, 1]. It is a main
 * effect only: each decision is judged alone, so interactions are not counted and the
 * shares need not sum to 1. Real-valued decisions, and integer ones with more than
 * {@value #MAX_LEVELS} values, are grouped into {@value #BINS} bins of equal count.
 * A decision with as many groups as trials leaves nothing to estimate chance from and
 * is left out.
 *
 * @param objective the objective whose variance is explained
 * @param trials the complete trials used
 * @param decisions one share per decision, largest first
 */
public record ParameterImportance(Objective objective, int trials, List<DecisionShare> decisions) {

    /** The minimum number of complete trials an importance is computed from. */
    public static final int MIN_TRIALS = 10;

    /** Integer decisions with more values than this are binned. */
    static final int MAX_LEVELS = 16;

    /** The number of bins of a binned decision. */
    static final int BINS = 4;

    public ParameterImportance {
        Objects.requireNonNull(objective, "objective");
        decisions = List.copyOf(decisions);
    }

    /**
     * Computes the importance of each decision of {@code space} for {@code objective}
     * from the trials of {@code complete} that have a finite value of it and parse in the
     * space.
     *
     * @return the importance, or empty with fewer than {@link #MIN_TRIALS} such trials
     */
    public static Optional<ParameterImportance> compute(SearchSpace space,
            List<FrozenTrial> complete, Objective objective) {
        List<Architecture> architectures = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (FrozenTrial trial : complete) {
            double value = trial.metric(objective.metric()).orElse(Double.NaN);
            Optional<Architecture> architecture = parse(space, trial.architecture());
            if (Double.isFinite(value) && architecture.isPresent()) {
                architectures.add(architecture.get());
                values.add(value);
            }
        }
        if (values.size() < MIN_TRIALS) {
            return Optional.empty();
        }
        double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
        List<DecisionShare> shares = new ArrayList<>();
        List<Choice> choices = space.choices();
        for (int c = 0; c < choices.size(); c++) {
            int[] groups = groups(choices.get(c), architectures, c);
            int levels = (int) Arrays.stream(groups).distinct().count();
            OptionalDouble share = epsilonSquared(groups, levels, y);
            if (share.isPresent()) {
                shares.add(new DecisionShare(choices.get(c).name(), share.getAsDouble(), levels));
            }
        }
        shares.sort(Comparator.comparingDouble(DecisionShare::share).reversed());
        return Optional.of(new ParameterImportance(objective, y.length, shares));
    }

    private static Optional<Architecture> parse(SearchSpace space, String text) {
        try {
            return Optional.of(space.parse(text));
        } catch (ArchitectureFormatException e) {
            return Optional.empty();
        }
    }

    /** Assigns each architecture a group by its value of choice {@code c}, or by its bin. */
    private static int[] groups(Choice choice, List<Architecture> architectures, int c) {
        int[] groups = new int[architectures.size()];
        boolean binned = choice instanceof Choice.FloatRange
                || choice instanceof Choice.IntRange range && range.size() > MAX_LEVELS;
        if (binned) {
            Integer[] order = new Integer[groups.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(
                    i -> architectures.get(i).doubleGene(c)));
            for (int rank = 0; rank < order.length; rank++) {
                groups[order[rank]] = rank * BINS / order.length;
            }
            return groups;
        }
        for (int i = 0; i < groups.length; i++) {
            groups[i] = architectures.get(i).intGene(c);
        }
        return groups;
    }

    /**
     * Returns epsilon squared of the grouping of {@code y} into {@code k} groups, or empty
     * when there are as many groups as values.
     */
    private static OptionalDouble epsilonSquared(int[] groups, int k, double[] y) {
        int n = y.length;
        if (n - k < 1) {
            return OptionalDouble.empty();
        }
        double mean = Arrays.stream(y).average().orElseThrow();
        Map<Integer, double[]> sums = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double[] sum = sums.computeIfAbsent(groups[i], g -> new double[2]);
            sum[0] += y[i];
            sum[1] += 1;
        }
        double total = 0;
        for (double v : y) {
            total += (v - mean) * (v - mean);
        }
        if (total <= 0) {
            return OptionalDouble.of(0);
        }
        double between = 0;
        for (double[] sum : sums.values()) {
            double groupMean = sum[0] / sum[1];
            between += sum[1] * (groupMean - mean) * (groupMean - mean);
        }
        double within = Math.max(0, total - between) / (n - k);
        double share = (between - (k - 1) * within) / total;
        return OptionalDouble.of(Math.max(0, Math.min(1, share)));
    }
}
