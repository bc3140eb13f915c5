package io.archforge.predictor;

import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A stacked ensemble: model-based member predictors combined with cheap features of
 * each architecture, such as zero-cost proxy scores and an early point of the
 * learning curve, by a ridge regression fitted on out-of-fold predictions (Wolpert,
 * "Stacked Generalization", Neural Networks 1992). White et al., "How Powerful are
 * Performance Predictors in Neural Architecture Search?" (NeurIPS 2021) found that
 * combining model-based predictors with zero-cost and learning-curve information
 * ranks better than any of them alone.
 *
 * <p>A fit splits the training set into up to {@value #FOLDS} folds, fits every member
 * on all folds but one and predicts the one left out, so each training architecture
 * gets member predictions from models that never saw it. Each feature enters as its
 * rank among the training architectures, scaled to [0, 1] and interpolated for
 * unseen scores, which makes heavy-tailed proxies such as synflow harmless. The
 * ridge regression maps the standardised member predictions and features to the
 * target, and the members are then refitted on the whole set.
 *
 * <p>The members and the regression fit the {@link GaussianCopula} transform of the
 * targets, and predictions map back to the target scale. On raw NAS-Bench-201
 * accuracies the squared loss of the regression chased the few failed networks near
 * 10%: in 10 seeds with 100 training cells of CIFAR-10 the ensemble ranked worse than
 * its best member in two. With the transform, it ranked better in all 30 runs of
 * CIFAR-10, CIFAR-100 and ImageNet16-120 ({@code bench predictors}, seeds 0 to 9).
 *
 * <p>The prediction's uncertainty combines the members' own, weighted as the
 * regression weighs them, with the spread of the out-of-fold residuals.
 */
public final class EnsemblePredictor implements Predictor {

    /** The ensemble's name. */
    public static final String NAME = "ensemble";
    /** The maximum number of folds of the out-of-fold predictions. */
    static final int FOLDS = 5;
    /**
     * The ridge penalties tried, in units of squared standardised inputs: from almost
     * free weights to the plain mean of the members.
     */
    static final double[] PENALTIES = {0.3, 1, 3, 10, 30, 100, 300};

    private final SearchSpace space;
    private final List<PredictorFactory> memberFactories;
    private final List<ProxyScorer> features;
    private final long seed;
    private final List<Predictor> members = new ArrayList<>();
    private double[][] featureRanks;
    private double[] inputMeans;
    private double[] inputScales;
    private double[] weights;
    private double intercept;
    private double residualStd;
    private double penalty;
    private GaussianCopula copula;

    /**
     * Creates the ensemble.
     *
     * @param space the space of the architectures
     * @param members factories of the member predictors, at least one
     * @param features scores of any architecture of the space, possibly none
     * @param seed the seed of every fit: member {@code i} gets {@code seed + i}
     */
    public EnsemblePredictor(SearchSpace space, List<PredictorFactory> members,
            List<ProxyScorer> features, long seed) {
        this.space = Objects.requireNonNull(space, "space");
        this.memberFactories = List.copyOf(members);
        this.features = List.copyOf(features);
        if (memberFactories.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member predictor");
        }
        this.seed = seed;
    }

    /** The factory of an ensemble of {@code members} and {@code features}. */
    public static PredictorFactory factory(List<PredictorFactory> members,
            List<ProxyScorer> features) {
        return (space, seed) -> new EnsemblePredictor(space, members, features, seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    /**
     * Two architectures per fold for the members' own minimum, and at least
     * {@value #FOLDS} in all.
     */
    @Override
    public int minTrainingSize() {
        int memberMinimum = 1;
        for (int i = 0; i < memberFactories.size(); i++) {
            memberMinimum = Math.max(memberMinimum, member(i).minTrainingSize());
        }
        return Math.max(FOLDS, memberMinimum + 2);
    }

    /** Returns the ridge penalty the last fit chose by cross-validation. */
    public double penalty() {
        return penalty;
    }

    /** Returns the regression weights of the members, then of the features, after a fit. */
    public double[] weights() {
        return weights == null ? new double[0] : weights.clone();
    }

    private Predictor member(int index) {
        return memberFactories.get(index).create(space, seed + index);
    }

    @Override
    public void fit(List<Architecture> architectures, double[] values) {
        TrainingSets.check(this, architectures, values);
        GaussianCopula fitted = GaussianCopula.fit(values);
        double[] targets = fitted.scores();
        int n = architectures.size();
        int m = memberFactories.size();
        featureRanks = new double[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            featureRanks[f] = sortedScores(features.get(f), architectures);
        }

        double[][] inputs = new double[n][m + features.size()];
        int[] fold = folds(n);
        int folds = Arrays.stream(fold).max().orElse(0) + 1;
        for (int k = 0; k < folds; k++) {
            List<Architecture> train = new ArrayList<>();
            List<Double> trainTargets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != k) {
                    train.add(architectures.get(i));
                    trainTargets.add(targets[i]);
                }
            }
            double[] y = trainTargets.stream().mapToDouble(Double::doubleValue).toArray();
            for (int j = 0; j < m; j++) {
                Predictor model = member(j);
                model.fit(train, y);
                for (int i = 0; i < n; i++) {
                    if (fold[i] == k) {
                        inputs[i][j] = model.predict(architectures.get(i)).mean();
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features.size(); f++) {
                inputs[i][m + f] = featureRank(f, architectures.get(i));
            }
        }
        fitRidge(inputs, targets, fold);

        members.clear();
        for (int j = 0; j < m; j++) {
            Predictor model = member(j);
            model.fit(architectures, targets);
            members.add(model);
        }
        copula = fitted;
    }

    /** Assigns each training index to a fold, in a random order drawn from the seed. */
    private int[] folds(int n) {
        int folds = Math.min(FOLDS, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5354414bL);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] fold = new int[n];
        for (int position = 0; position < n; position++) {
            fold[order[position]] = position % folds;
        }
        return fold;
    }

    private static double[] sortedScores(ProxyScorer scorer, List<Architecture> architectures) {
        double[] scores = new double[architectures.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = scorer.score(architectures.get(i));
        }
        Arrays.sort(scores);
        return scores;
    }

    /** Returns the rank of the feature's score among the training scores, in [0, 1]. */
    private double featureRank(int feature, Architecture architecture) {
        double score = features.get(feature).score(architecture);
        double[] sorted = featureRanks[feature];
        if (sorted.length == 1 || !(score > sorted[0])) {
            return 0;
        }
        if (score >= sorted[sorted.length - 1]) {
            return 1;
        }
        int above = Arrays.binarySearch(sorted, score);
        if (above >= 0) {
            return above / (double) (sorted.length - 1);
        }
        int upper = -above - 1;
        double fraction = (score - sorted[upper - 1]) / (sorted[upper] - sorted[upper - 1]);
        return (upper - 1 + fraction) / (sorted.length - 1);
    }

    /**
     * Fits the ridge regression on standardised inputs. The penalty pulls the weights
     * towards the plain mean of the members rather than towards zero, so a small or
     * noisy training set gets the average and a large one learns weights. Its strength
     * is chosen from {@link #PENALTIES} by cross-validation over the rows, which are
     * out-of-fold predictions already, in the folds {@code fold} gives
     * ({@link #choosePenalty}).
     */
    private void fitRidge(double[][] inputs, double[] targets, int[] fold) {
        int n = inputs.length;
        int d = inputs[0].length;
        inputMeans = new double[d];
        inputScales = new double[d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : inputs) {
                mean += row[j] / n;
            }
            double squares = 0;
            for (double[] row : inputs) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
            double std = Math.sqrt(squares / n);
            inputMeans[j] = mean;
            inputScales[j] = std > 0 ? std : 1;
        }
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = standardised(inputs[i]);
        }
        double[] prior = new double[d];
        int m = memberFactories.size();
        for (int j = 0; j < m; j++) {
            prior[j] = inputScales[j] / m;
        }

        penalty = choosePenalty(z, targets, fold, prior);
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        intercept = mean(targets, all);
        weights = ridge(z, targets, all, penalty, prior);

        double squares = 0;
        for (int i = 0; i < n; i++) {
            double residual = targets[i] - combine(z[i]);
            squares += residual * residual;
        }
        residualStd = Math.sqrt(squares / n);
    }

    /**
     * Returns a penalty of {@link #PENALTIES} by the one-standard-error rule of
     * cross-validation: the largest whose mean held-out error is within one standard
     * error of the least, since the larger penalty's mean of the members is the safer
     * choice when the data cannot tell them apart.
     */
    private static double choosePenalty(double[][] z, double[] targets, int[] fold,
            double[] prior) {
        int folds = Arrays.stream(fold).max().orElse(0) + 1;
        double[][] errors = new double[PENALTIES.length][folds];
        for (int p = 0; p < PENALTIES.length; p++) {
            for (int k = 0; k < folds; k++) {
                errors[p][k] = heldOutError(z, targets, fold, k, PENALTIES[p], prior);
            }
        }
        int least = 0;
        for (int p = 1; p < PENALTIES.length; p++) {
            if (average(errors[p]) < average(errors[least])) {
                least = p;
            }
        }
        double limit = average(errors[least]) + standardError(errors[least]);
        int chosen = least;
        for (int p = least + 1; p < PENALTIES.length; p++) {
            if (average(errors[p]) <= limit) {
                chosen = p;
            }
        }
        return PENALTIES[chosen];
    }

    /** The mean squared error on fold {@code k} of the ridge fitted on the other folds. */
    private static double heldOutError(double[][] z, double[] targets, int[] fold, int k,
            double penalty, double[] prior) {
        boolean[] train = new boolean[z.length];
        for (int i = 0; i < z.length; i++) {
            train[i] = fold[i] != k;
        }
        double offset = mean(targets, train);
        double[] w = ridge(z, targets, train, penalty, prior);
        double error = 0;
        int count = 0;
        for (int i = 0; i < z.length; i++) {
            if (!train[i]) {
                double predicted = offset;
                for (int j = 0; j < w.length; j++) {
                    predicted += w[j] * z[i][j];
                }
                error += (targets[i] - predicted) * (targets[i] - predicted);
                count++;
            }
        }
        return count == 0 ? 0 : error / count;
    }

    private static double average(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double standardError(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = average(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1) / values.length);
    }

    /** Solves the ridge problem on the rows {@code use} selects, centred on their mean. */
    private static double[] ridge(double[][] z, double[] targets, boolean[] use, double penalty,
            double[] prior) {
        int d = prior.length;
        double offset = mean(targets, use);
        double[][] normal = new double[d][d + 1];
        for (int i = 0; i < z.length; i++) {
            if (!use[i]) {
                continue;
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    normal[a][b] += z[i][a] * z[i][b];
                }
                normal[a][d] += z[i][a] * (targets[i] - offset);
            }
        }
        for (int a = 0; a < d; a++) {
            normal[a][a] += penalty;
            normal[a][d] += penalty * prior[a];
        }
        return solve(normal);
    }

    private static double mean(double[] values, boolean[] use) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (use[i]) {
                sum += values[i];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    private double[] standardised(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - inputMeans[j]) / inputScales[j];
        }
        return z;
    }

    private double combine(double[] z) {
        double value = intercept;
        for (int j = 0; j < z.length; j++) {
            value += weights[j] * z[j];
        }
        return value;
    }

    /** Solves the augmented system {@code [A | b]} with partial pivoting. */
    private static double[] solve(double[][] augmented) {
        int d = augmented.length;
        for (int column = 0; column < d; column++) {
            int pivot = column;
            for (int row = column + 1; row < d; row++) {
                if (Math.abs(augmented[row][column]) > Math.abs(augmented[pivot][column])) {
                    pivot = row;
                }
            }
            double[] swap = augmented[column];
            augmented[column] = augmented[pivot];
            augmented[pivot] = swap;
            for (int row = column + 1; row < d; row++) {
                double factor = augmented[row][column] / augmented[column][column];
                for (int k = column; k <= d; k++) {
                    augmented[row][k] -= factor * augmented[column][k];
                }
            }
        }
        double[] solution = new double[d];
        for (int row = d - 1; row >= 0; row--) {
            double sum = augmented[row][d];
            for (int k = row + 1; k < d; k++) {
                sum -= augmented[row][k] * solution[k];
            }
            solution[row] = sum / augmented[row][row];
        }
        return solution;
    }

    @Override
    public Prediction predict(Architecture architecture) {
        return copula.toValues(predictScore(architecture));
    }

    /** Computed on the score scale, where the stacked model's normal distribution holds. */
    @Override
    public double cdf(Architecture architecture, double threshold) {
        return copula.cdf(predictScore(architecture), threshold);
    }

    /** Predicts the architecture's normal score with the stacked model. */
    private Prediction predictScore(Architecture architecture) {
        if (members.isEmpty()) {
            throw new IllegalStateException("predictor '" + NAME + "' was not fitted");
        }
        TrainingSets.checkSpace(this, architecture);
        int m = members.size();
        double[] row = new double[m + features.size()];
        double memberVariance = 0;
        for (int j = 0; j < m; j++) {
            Prediction prediction = members.get(j).predict(architecture);
            row[j] = prediction.mean();
            double scaled = weights[j] / inputScales[j] * prediction.std();
            memberVariance += scaled * scaled;
        }
        for (int f = 0; f < features.size(); f++) {
            row[m + f] = featureRank(f, architecture);
        }
        double std = Math.sqrt(memberVariance + residualStd * residualStd);
        return new Prediction(combine(standardised(row)), std);
    }
}
