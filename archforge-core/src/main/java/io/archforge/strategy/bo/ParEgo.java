package io.archforge.strategy.bo;

import io.archforge.encoding.Encoder;
import io.archforge.pareto.ObjectiveScale;
import io.archforge.predictor.Predictor;
import io.archforge.predictor.surrogate.GaussianProcess;
import io.archforge.space.SearchSpace;
import io.archforge.strategy.AskContext;
import io.archforge.strategy.FrontRanking;
import io.archforge.study.Constraints;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.random.RandomGenerator;

/**
 * Multi-objective Bayesian optimisation by random scalarisation, after ParEGO (Knowles,
 * "ParEGO: A Hybrid Algorithm With On-Line Landscape Approximation for Expensive
 * Multiobjective Optimization Problems", IEEE TEC 2006).
 *
 * <p>Each proposal draws a weight vector uniformly from the simplex, scales every
 * objective to [0, 1] by the smallest and largest values observed, and fits the
 * {@link GaussianProcess} (or the predictor named by the options) to the augmented
 * Chebyshev scalarisation {@code max_i(w_i f_i) + rho * sum_i(w_i f_i)}, which
 * {@link BayesianStrategy}'s acquisition then minimises. Because the weights change
 * from proposal to proposal, one search spreads over the whole front; the weights
 * are stored with each trial as {@value #WEIGHTS_ATTRIBUTE}. A trial that breaks a
 * constraint scores below every feasible one, by its total violation (capped at 10),
 * so the model learns where the feasible region lies.
 *
 * <p>With one objective the scalarisation is that objective, scaled, and the strategy
 * behaves like {@link GaussianProcessBo}.
 */
public final class ParEgo extends BayesianStrategy {

    /** The strategy name. */
    public static final String NAME = "mo-bo";
    /** The trial attribute holding the weights of the proposal, {@code metric=weight,...}. */
    public static final String WEIGHTS_ATTRIBUTE = "preference_weights";

    private static final double MAX_PENALTY = 10;

    private final ParEgoOptions options;

    public ParEgo(ParEgoOptions options) {
        super(Objects.requireNonNull(options, "options").search());
        this.options = options;
    }

    /** ParEGO scalarises several objectives afresh for each trial and takes no warm start. */
    @Override
    public boolean warmStart(io.archforge.transfer.Transfer transfer) {
        return false;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The settings. */
    public ParEgoOptions options() {
        return options;
    }

    @Override
    protected Predictor newPredictor(SearchSpace space, Encoder encoder, RandomGenerator random) {
        return GaussianProcessBo.gaussianProcess(space, encoder, random);
    }

    @Override
    protected int maxTrainingSize() {
        return options.maxHistory();
    }

    @Override
    protected Observations observe(AskContext context, List<FrozenTrial> finished) {
        List<Objective> objectives = context.objectives();
        List<FrozenTrial> observed = finished.stream()
                .filter(t -> t.hasValues(objectives))
                .toList();
        double[] weights = simplexPoint(objectives.size(), context.random());
        Map<String, String> notes = Map.of(WEIGHTS_ATTRIBUTE, describe(objectives, weights));
        if (observed.isEmpty()) {
            return new Observations(observed, List.of(), notes);
        }
        List<double[]> points = observed.stream()
                .map(t -> FrontRanking.minimized(t, objectives))
                .toList();
        ObjectiveScale scale = ObjectiveScale.spanning(points);
        List<Double> values = new ArrayList<>(observed.size());
        for (int i = 0; i < observed.size(); i++) {
            double cost = scalarise(scale.apply(points.get(i)), weights, options.rho());
            double violation = Constraints.violation(observed.get(i), context.constraints());
            if (violation > 0) {
                cost = 1 + options.rho() + Math.min(violation, MAX_PENALTY);
            }
            values.add(-cost);
        }
        return new Observations(observed, values, notes);
    }

    /**
     * Computes the augmented Chebyshev scalarisation of a scaled point, between 0 and
     * {@code 1 + rho} for points inside the observed range. Smaller is better.
     */
    static double scalarise(double[] scaled, double[] weights, double rho) {
        double worst = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < scaled.length; i++) {
            worst = Math.max(worst, weights[i] * scaled[i]);
            sum += weights[i] * scaled[i];
        }
        return worst + rho * sum;
    }

    /** Draws a point uniformly from the probability simplex of {@code d} coordinates. */
    static double[] simplexPoint(int d, RandomGenerator random) {
        double[] point = new double[d];
        double total = 0;
        for (int i = 0; i < d; i++) {
            point[i] = -Math.log(1 - random.nextDouble());
            total += point[i];
        }
        for (int i = 0; i < d; i++) {
            point[i] /= total;
        }
        return point;
    }

    private static String describe(List<Objective> objectives, double[] weights) {
        StringJoiner joiner = new StringJoiner(",");
        for (int i = 0; i < weights.length; i++) {
            joiner.add(objectives.get(i).metric() + "="
                    + String.format(Locale.ROOT, "%.4f", weights[i]));
        }
        return joiner.toString();
    }
}
