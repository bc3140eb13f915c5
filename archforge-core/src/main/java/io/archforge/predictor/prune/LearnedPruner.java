package io.archforge.predictor.prune;

import io.archforge.predictor.Prediction;
import io.archforge.predictor.Predictor;
import io.archforge.predictor.PredictorFactory;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pruner that learns from the study's complete trials which candidates are unlikely
 * to improve on them. One predictor per objective, refitted as trials complete, gives a
 * normal predictive distribution of each objective value; a candidate is skipped when
 * its probability of beating the best value (one objective) or of entering the Pareto
 * front (several, see {@link ImprovementProbability}) is below the risk level.
 *
 * <p>The predictors are fitted on the first {@code k} complete trials at full fidelity
 * in number order, with {@code k} the largest of {@code minCompleteTrials},
 * {@code minCompleteTrials + refitInterval}, ... that the study has, and every fit is
 * seeded from the seed given here. The decisions are thus a function of the stored
 * trials, and a study seeded the same way replays the same decisions, also after a
 * resume. The incumbent or front is always that of all complete trials at full fidelity.
 *
 * <p>Not thread-safe.
 */
public final class LearnedPruner implements CandidatePruner {

    private static final Logger LOG = LoggerFactory.getLogger(LearnedPruner.class);
    private static final long SEED_SALT = 0x5052554E45L;

    private final PredictorFactory factory;
    private final SearchSpace space;
    private final double risk;
    private final PruningOptions options;
    private final long seed;
    private List<Predictor> predictors = List.of();
    private int fittedOn;

    /**
     * Creates the pruner.
     *
     * @param factory creates the predictor of each objective
     * @param space the space of the candidates
     * @param risk the probability of improvement below which a candidate is skipped,
     *     between 0 and 1, both excluded
     * @param options when pruning starts, how often it refits and how many skips in a row
     *     it allows
     * @param seed the seed of every fit, normally the study seed
     * @throws IllegalArgumentException when {@code risk} is out of range or the predictor
     *     needs more training architectures than {@code options.minCompleteTrials()}
     */
    public LearnedPruner(PredictorFactory factory, SearchSpace space, double risk,
            PruningOptions options, long seed) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.space = Objects.requireNonNull(space, "space");
        this.options = Objects.requireNonNull(options, "options");
        if (!(risk > 0 && risk < 1)) {
            throw new IllegalArgumentException("pruning risk must be between 0 and 1, both "
                    + "excluded, got " + risk + "; 0.05 skips candidates with less than a 5% "
                    + "chance of improving");
        }
        this.risk = risk;
        this.seed = seed;
        Predictor probe = factory.create(space, seed);
        if (probe.minTrainingSize() > options.minCompleteTrials()) {
            throw new IllegalArgumentException("predictor '" + probe.name() + "' needs "
                    + probe.minTrainingSize() + " training architectures, but pruning starts "
                    + "after " + options.minCompleteTrials() + " complete trials; start "
                    + "pruning after at least " + probe.minTrainingSize());
        }
    }

    @Override
    public double risk() {
        return risk;
    }

    @Override
    public int maxSkipsInARow() {
        return options.maxSkipsInARow();
    }

    /** The settings. */
    public PruningOptions options() {
        return options;
    }

    @Override
    public PruneDecision decide(Architecture candidate, List<FrozenTrial> trials,
            List<Objective> objectives) {
        List<FrozenTrial> complete = trials.stream()
                .filter(t -> hasFiniteValues(t, objectives) && Study.isFullFidelity(t))
                .toList();
        if (complete.size() < options.minCompleteTrials()) {
            return PruneDecision.unjudged();
        }
        refitWhenDue(complete, objectives);

        // Predict every objective and compare with the current front, all minimised. The
        // probabilities come from each predictor's own distribution function, which for
        // a model fitted on transformed targets differs from a normal one on the values.
        List<Prediction> predictions = new ArrayList<>(objectives.size());
        List<DoubleUnaryOperator> below = new ArrayList<>(objectives.size());
        for (int i = 0; i < objectives.size(); i++) {
            Predictor predictor = predictors.get(i);
            predictions.add(predictor.predict(candidate));
            boolean maximised = objectives.get(i).direction().toMinimized(1) < 0;
            // For a maximised objective the minimised value is -value, so
            // P(-value < t) = P(value > -t) = 1 - cdf(-t).
            below.add(maximised ? t -> 1 - predictor.cdf(candidate, -t)
                    : t -> predictor.cdf(candidate, t));
        }
        double probability = ImprovementProbability.notDominated(
                front(trials, objectives), below);

        return new PruneDecision(probability < risk, probability, predictions);
    }

    /** Fits the predictors again when the study has reached the next fit size. */
    private void refitWhenDue(List<FrozenTrial> complete, List<Objective> objectives) {
        int steps = (complete.size() - options.minCompleteTrials()) / options.refitInterval();
        int size = options.minCompleteTrials() + steps * options.refitInterval();
        if (size == fittedOn && predictors.size() == objectives.size()) {
            return;
        }
        List<FrozenTrial> training = complete.subList(0, size);
        List<Architecture> architectures = training.stream()
                .map(t -> space.parse(t.architecture()))
                .toList();
        SplittableRandom seeds = new SplittableRandom(seed ^ SEED_SALT);
        List<Predictor> fitted = new ArrayList<>(objectives.size());
        for (Objective objective : objectives) {
            double[] targets = training.stream()
                    .mapToDouble(t -> t.metrics().get(objective.metric()))
                    .toArray();
            Predictor predictor = factory.create(space, seeds.nextLong());
            predictor.fit(architectures, targets);
            fitted.add(predictor);
        }
        predictors = List.copyOf(fitted);
        fittedOn = size;
        LOG.debug("Pruning predictors fitted on {} complete trials", size);
    }

    /** Returns whether the trial is complete with a finite value of every objective. */
    private static boolean hasFiniteValues(FrozenTrial trial, List<Objective> objectives) {
        return trial.hasValues(objectives) && objectives.stream()
                .allMatch(o -> Double.isFinite(trial.metrics().get(o.metric())));
    }

    private static List<double[]> front(List<FrozenTrial> trials, List<Objective> objectives) {
        List<FrozenTrial> finite = trials.stream()
                .filter(t -> hasFiniteValues(t, objectives))
                .toList();
        List<double[]> points = new ArrayList<>();
        for (FrozenTrial member : Study.paretoFrontOf(finite, objectives)) {
            double[] point = new double[objectives.size()];
            for (int i = 0; i < point.length; i++) {
                Objective objective = objectives.get(i);
                point[i] = objective.direction().toMinimized(
                        member.metrics().get(objective.metric()));
            }
            points.add(point);
        }
        return points;
    }
}
