package io.archforge.app.cli;

import io.archforge.torch.darts.DartsSettings;
import io.archforge.torch.darts.DartsSettings.Relaxation;
import io.archforge.torch.nb201.Nb201Skeleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The conversion of the options of {@code search --strategy darts|gdas|beta-darts} into
 * {@link DartsSettings}. The strategy sets the relaxation and the beta decay,
 * {@code --darts-order} the gradient order, the training options the epochs, batch size,
 * image counts and weight learning rate, and {@code --strategy-option} the rest.
 */
final class DartsOptions {

    /** The keys {@code --strategy-option} accepts for differentiable search. */
    static final Set<String> KEYS = Set.of("channels", "cells_per_stage", "beta_weight",
            "edge_mutation", "skip_limit", "parameter_free_limit", "partial_channels",
            "arch_learning_rate",
            "memory_limit_mb", "threads");

    /** The beta-DARTS decay weight when {@code beta_weight} is not set. */
    static final double DEFAULT_BETA = 0.5;

    private DartsOptions() {
    }

    /**
     * Builds the settings of one differentiable search.
     *
     * @throws UsageException naming an unknown key or an invalid value
     */
    static DartsSettings settings(String strategy, Integer order, TrainingOptions training,
            Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new UsageException("unknown --strategy-option '" + key + "' for "
                        + strategy + ": use one of " + new TreeSet<>(KEYS));
            }
        }
        if (order != null && strategy.equals("gdas")) {
            throw new UsageException("--darts-order applies to darts and beta-darts only,"
                    + " because gdas samples one operation per edge and has first-order"
                    + " gradients only. Drop --darts-order");
        }
        DartsSettings settings = DartsSettings.defaults();
        try {
            settings = settings.withRelaxation(strategy.equals("gdas") ? Relaxation.GUMBEL
                    : Relaxation.SOFTMAX);
            settings = settings.withOrder(order == null ? 1 : order);
            double beta = number(options, "beta_weight",
                    strategy.equals("beta-darts") ? DEFAULT_BETA : 0);
            if (beta > 0 && !strategy.equals("beta-darts")) {
                throw new UsageException("beta_weight applies to --strategy beta-darts only:"
                        + " drop it or use beta-darts");
            }
            settings = settings.withBetaWeight(beta);
            settings = settings.withGuards(number(options, "edge_mutation", 0),
                    integer(options, "skip_limit", -1),
                    integer(options, "parameter_free_limit", -1));
            Nb201Skeleton skeleton = new Nb201Skeleton(
                    integer(options, "channels", Nb201Skeleton.SEARCH.channels()),
                    integer(options, "cells_per_stage", Nb201Skeleton.SEARCH.cellsPerStage()));
            settings = settings.withNetwork(skeleton, integer(options, "partial_channels", 1),
                    number(options, "memory_limit_mb", 0));
            if (training.epochs != null) {
                settings = settings.withEpochs(training.epochs);
            }
            if (training.batchSize != null) {
                settings = settings.withBatchSize(training.batchSize);
            }
            settings = settings.withImages(
                    training.trainImages != null ? training.trainImages : settings.trainImages(),
                    training.validationImages != null ? training.validationImages
                            : settings.validationImages());
            settings = settings.withLearningRates(
                    training.learningRate != null ? training.learningRate
                            : settings.weightLearningRate(),
                    number(options, "arch_learning_rate", settings.architectureLearningRate()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid settings of --strategy " + strategy + ": "
                    + e.getMessage());
        }
        if (settings.skeleton().channels() % settings.partialChannels() != 0) {
            int channels = settings.skeleton().channels();
            throw new UsageException("invalid partial_channels " + settings.partialChannels()
                    + ": it must divide channels=" + channels + ", so use a divisor of "
                    + channels);
        }
        return settings;
    }

    /** Formats the settings as text to store with the study. */
    static Map<String, String> describe(DartsSettings settings) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("relaxation", settings.relaxation().name().toLowerCase(Locale.ROOT));
        map.put("order", Integer.toString(settings.order()));
        map.put("beta_weight", Double.toString(settings.betaWeight()));
        map.put("edge_mutation", Double.toString(settings.edgeMutation()));
        map.put("skip_limit", Integer.toString(settings.skipLimit()));
        map.put("parameter_free_limit", Integer.toString(settings.parameterFreeLimit()));
        map.put("partial_channels", Integer.toString(settings.partialChannels()));
        map.put("channels", Integer.toString(settings.skeleton().channels()));
        map.put("cells_per_stage", Integer.toString(settings.skeleton().cellsPerStage()));
        map.put("epochs", Integer.toString(settings.epochs()));
        map.put("batch_size", Integer.toString(settings.batchSize()));
        map.put("train_images", Integer.toString(settings.trainImages()));
        map.put("validation_images", Integer.toString(settings.validationImages()));
        map.put("learning_rate", Double.toString(settings.weightLearningRate()));
        map.put("arch_learning_rate", Double.toString(settings.architectureLearningRate()));
        return map;
    }

    /**
     * Reads an optional number, or returns {@code fallback} when {@code key} is not set.
     *
     * @throws UsageException naming the key and the value when it is not a finite number
     */
    static double number(Map<String, String> options, String key, double fallback) {
        String text = options.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("invalid --strategy-option " + key + "=" + text
                    + ": expected a number");
        }
    }

    /**
     * Reads an optional integer, or returns {@code fallback} when {@code key} is not set.
     *
     * @throws UsageException naming the key and the value when it is not an integer
     */
    static int integer(Map<String, String> options, String key, int fallback) {
        double value = number(options, key, fallback);
        if (value != Math.rint(value) || value < Integer.MIN_VALUE
                || value > Integer.MAX_VALUE) {
            throw new UsageException("invalid --strategy-option " + key + "="
                    + options.get(key) + ": expected an integer");
        }
        return (int) value;
    }
}
