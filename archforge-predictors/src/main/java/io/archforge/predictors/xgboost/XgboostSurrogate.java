package io.archforge.predictors.xgboost;

import io.archforge.predictor.Prediction;
import io.archforge.predictor.surrogate.Surrogate;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.random.RandomGenerator;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ensemble of gradient-boosted regression tree models trained by XGBoost (Chen and
 * Guestrin, "XGBoost: A Scalable Tree Boosting System", KDD 2016) on the standardised
 * targets. The members differ in their seed, so each draws other rows and columns for
 * its trees. The prediction is the members' mean, and its uncertainty the standard
 * deviation across members.
 *
 * <p>A single booster has no uncertainty of its own: it returns one number per input.
 * The spread across a few members measures only how much the subsampling moves the
 * fit, and it can be 0 where every member reaches leaves of the same value. The
 * reported standard deviation is therefore never below {@value #MIN_RELATIVE_STD}
 * times the standard deviation of the training targets (or times 1 when those are all
 * equal), so that acquisition functions that divide by it stay finite. The floor is a
 * numerical guard, not a calibrated uncertainty.
 *
 * <p>Every member trains on one thread ({@code nthread=1}), and its seed comes from the
 * generator given to the constructor, so fitting a new instance with an identically
 * seeded generator to the same data replays the fit exactly. Instances are not
 * thread-safe.
 *
 * <p>xgboost4j 3.4.0 unpacks its native library from its jar into
 * {@code java.io.tmpdir} as {@code libxgboost4j<digits>.so} on the first fit in a JVM,
 * and the file is deleted when the JVM exits normally. That directory must be
 * writable and allow executable mappings, and the library needs the GNU OpenMP
 * runtime ({@code libgomp.so.1}) on Linux. Loading needs neither network access nor a
 * home directory: it works with {@code user.home} pointing nowhere and no network.
 */
public final class XgboostSurrogate implements Surrogate {

    /** The least reported standard deviation, relative to the targets' spread. */
    public static final double MIN_RELATIVE_STD = 1e-6;

    private static final Logger LOG = LoggerFactory.getLogger(XgboostSurrogate.class);

    static {
        LOG.debug("XGBoost {} (xgboost4j); its native library is unpacked into {}",
                xgboostVersion(), System.getProperty("java.io.tmpdir"));
    }

    /**
     * Booster settings; the other XGBoost parameters keep their defaults.
     *
     * @param boosters the number of ensemble members, at least 2 so the spread is defined
     * @param rounds the boosting rounds, that is trees, per member, at least 1
     * @param maxDepth the XGBoost {@code max_depth} of each tree, at least 1
     * @param learningRate the XGBoost {@code eta}, the shrinkage of each tree, in (0, 1]
     * @param subsample the XGBoost {@code subsample}, the share of rows each tree is
     *     trained on, in (0, 1]
     * @param columnSample the XGBoost {@code colsample_bytree}, the share of features
     *     each tree may split on, in (0, 1]
     */
    public record Settings(int boosters, int rounds, int maxDepth, double learningRate,
            double subsample, double columnSample) {

        /**
         * 5 members of 200 rounds of trees of depth 4 at {@code eta} 0.1, each tree on
         * 80% of the rows and 80% of the features.
         *
         * <p>Training sets here hold tens to a few hundred architectures. A tree of
         * depth 4 has at most 16 leaves, about a dozen rows each at 200 rows, where
         * XGBoost's default depth of 6 would leave about three. The step of 0.1 is
         * smaller than XGBoost's default of 0.3, so no single tree fits the noise of
         * a few rows, and 200 rounds make up for it. Subsampling rows and features
         * makes the members differ, which gives the ensemble its spread.
         *
         * <p>NOTE: these values rest on one comparison. Fitted to the CIFAR-10
         * accuracies of 100 and 205 random NAS-Bench-201 cells, they ranked held-out
         * cells with a mean Spearman of 0.68 and 0.75 on the adjacency encoding, over
         * 5 samples. Depth 6, 100 rounds or a step of 0.05 did as well, and depth 2 or
         * 3 did worse.
         */
        public static final Settings DEFAULT = new Settings(5, 200, 4, 0.1, 0.8, 0.8);

        public Settings {
            require("boosters", boosters, 2);
            require("rounds", rounds, 1);
            require("maxDepth", maxDepth, 1);
            requireShare("learningRate", learningRate);
            requireShare("subsample", subsample);
            requireShare("columnSample", columnSample);
        }

        private static void require(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(
                        "XGBoost " + name + " must be at least " + min + ", got " + value);
            }
        }

        private static void requireShare(String name, double value) {
            if (!(value > 0 && value <= 1)) {
                throw new IllegalArgumentException(
                        "XGBoost " + name + " must be in (0, 1], got " + value);
            }
        }
    }

    private final Settings settings;
    private final RandomGenerator random;
    private List<Booster> boosters = List.of();
    private int featureCount;
    private double targetMean;
    private double targetScale = 1;

    /**
     * Creates an unfitted ensemble.
     *
     * @param settings the booster settings
     * @param random the source of each member's seed
     */
    public XgboostSurrogate(Settings settings, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also when a feature is NaN or infinite, which
     *     XGBoost would read as missing
     * @throws IllegalStateException when XGBoost's native library cannot be loaded or
     *     training fails
     */
    @Override
    public void fit(List<double[]> inputs, double[] targets) {
        Surrogate.checkTrainingSet(inputs, targets);
        int columns = inputs.get(0).length;
        float[] matrix = flatten(inputs, columns);
        float[] labels = standardise(targets);

        DMatrix data = loadMatrix(matrix, inputs.size(), columns);
        List<Booster> trained = new ArrayList<>(settings.boosters());
        try {
            data.setLabel(labels);
            for (int b = 0; b < settings.boosters(); b++) {
                Map<String, Object> parameters = parameters(random.nextInt(Integer.MAX_VALUE));
                trained.add(XGBoost.train(data, parameters, settings.rounds(), Map.of(),
                        null, null));
            }
        } catch (XGBoostError e) {
            trained.forEach(Booster::dispose);
            throw new IllegalStateException("XGBoost training failed on " + inputs.size()
                    + " inputs of " + columns + " features: " + e.getMessage(), e);
        } finally {
            data.dispose();
        }

        boosters.forEach(Booster::dispose);
        boosters = List.copyOf(trained);
        featureCount = columns;
    }

    private static float[] flatten(List<double[]> inputs, int columns) {
        float[] matrix = new float[inputs.size() * columns];
        for (int i = 0; i < inputs.size(); i++) {
            double[] input = inputs.get(i);
            for (int f = 0; f < columns; f++) {
                if (!Double.isFinite(input[f])) {
                    throw new IllegalArgumentException("input " + i + " has feature " + f
                            + " = " + input[f] + "; XGBoost features must be finite");
                }
                matrix[i * columns + f] = (float) input[f];
            }
        }
        return matrix;
    }

    /** Creates the training matrix. NaN marks missing values, so 0 stays a value. */
    private static DMatrix loadMatrix(float[] matrix, int rows, int columns) {
        try {
            return new DMatrix(matrix, rows, columns, Float.NaN);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not create a " + rows + " x "
                    + columns + " matrix: " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw new IllegalStateException("XGBoost's native library failed to load. It "
                    + "is unpacked into java.io.tmpdir (" + System.getProperty("java.io.tmpdir")
                    + "), which must be writable, and needs the GNU OpenMP runtime "
                    + "(libgomp.so.1); install it or choose another predictor", e);
        }
    }

    private Map<String, Object> parameters(int seed) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("objective", "reg:squarederror");
        // Histogram split finding with XGBoost's 256 bins per feature. Binary and
        // one-hot features have two values, so the bins lose no split, and it fits
        // several times faster than the exact method on 100 features.
        parameters.put("tree_method", "hist");
        parameters.put("max_depth", settings.maxDepth());
        parameters.put("eta", settings.learningRate());
        parameters.put("subsample", settings.subsample());
        parameters.put("colsample_bytree", settings.columnSample());
        // The targets are standardised, so the boosting starts from their mean.
        parameters.put("base_score", 0.0);
        parameters.put("nthread", 1);
        parameters.put("seed", seed);
        // Warnings only: the native library prints to standard error.
        parameters.put("verbosity", 1);
        return parameters;
    }

    private float[] standardise(double[] targets) {
        double sum = 0;
        for (double target : targets) {
            sum += target;
        }
        targetMean = sum / targets.length;
        double squares = 0;
        for (double target : targets) {
            squares += (target - targetMean) * (target - targetMean);
        }
        double std = Math.sqrt(squares / targets.length);
        targetScale = std > 0 ? std : 1;
        float[] labels = new float[targets.length];
        for (int i = 0; i < targets.length; i++) {
            labels[i] = (float) ((targets[i] - targetMean) / targetScale);
        }
        return labels;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code input} has another length than the
     *     training inputs
     * @throws IllegalStateException also when XGBoost fails to predict
     */
    @Override
    public Prediction predict(double[] input) {
        if (boosters.isEmpty()) {
            throw new IllegalStateException("XGBoost ensemble is not fitted; call fit first");
        }
        if (input.length != featureCount) {
            throw new IllegalArgumentException("input has " + input.length
                    + " features, but the ensemble was fitted on " + featureCount);
        }
        float[] row = new float[featureCount];
        for (int f = 0; f < featureCount; f++) {
            row[f] = (float) input[f];
        }
        // NOTE: one native call per member costs about 0.1 ms, so ranking thousands of
        // candidates takes seconds. Predicting many rows per call needs a batch method
        // on Surrogate.
        double[] outputs = new double[boosters.size()];
        double sum = 0;
        for (int b = 0; b < outputs.length; b++) {
            outputs[b] = predictRow(boosters.get(b), row);
            sum += outputs[b];
        }
        double mean = sum / outputs.length;
        double squares = 0;
        for (double output : outputs) {
            squares += (output - mean) * (output - mean);
        }
        double std = Math.sqrt(squares / (outputs.length - 1));
        return new Prediction(targetMean + targetScale * mean,
                targetScale * Math.max(std, MIN_RELATIVE_STD));
    }

    private static double predictRow(Booster booster, float[] row) {
        try {
            return booster.inplace_predict(row, 1, row.length, Float.NaN)[0][0];
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    /** The xgboost4j version from its jar, or {@code unknown} when the jar lacks it. */
    static String xgboostVersion() {
        try (InputStream stream =
                XGBoost.class.getResourceAsStream("/xgboost4j-version.properties")) {
            if (stream == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(stream);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
