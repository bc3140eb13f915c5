package io.archforge.app.setup;

import io.archforge.app.cli.UsageException;
import io.archforge.encoding.Encoder;
import io.archforge.encoding.Encoding;
import io.archforge.predictor.EnsemblePredictor;
import io.archforge.predictor.PredictorFactory;
import io.archforge.predictor.Predictors;
import io.archforge.predictors.text.TextEncoding;
import io.archforge.predictors.xgboost.XgboostPredictors;
import io.archforge.proxy.ProxyScorer;
import io.archforge.torch.predict.GcnPredictor;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every performance predictor the command line offers, by the name given to
 * {@code --predictor}, across the modules that implement them.
 *
 * <p>The {@value EnsemblePredictor#NAME} predictor stacks the members named by
 * {@link #ENSEMBLE_MEMBERS}; a benchmark table adds its zero-cost and learning-curve
 * features through {@link #ensemble(List)}.
 */
public final class PredictorCatalog {

    /** The members of the ensemble, each on its default encoding. */
    public static final List<String> ENSEMBLE_MEMBERS = List.of(Predictors.GP,
            Predictors.MLP_ENSEMBLE, Predictors.RANDOM_FOREST, XgboostPredictors.NAME);

    private PredictorCatalog() {
    }

    /** Returns the predictor names, in the order help lists them. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(Predictors.names());
        names.add(XgboostPredictors.NAME);
        names.add(GcnPredictor.NAME);
        names.add(EnsemblePredictor.NAME);
        return List.copyOf(names);
    }

    /**
     * Returns the encoding names {@code --encoding} accepts: those of {@link Encoding} and
     * {@value TextEncoding#NAME}, the sentence-encoder embedding of a text description.
     */
    public static List<String> encodings() {
        List<String> names = new ArrayList<>();
        for (Encoding encoding : Encoding.values()) {
            names.add(encoding.key());
        }
        names.add(TextEncoding.NAME);
        return List.copyOf(names);
    }

    /**
     * Returns the factory of predictor {@code name} on {@code encoding}, or on the predictor's
     * own default encoding when {@code encoding} is empty. The ensemble and the graph
     * network ignore the encoding: each ensemble member reads its own, and the network
     * reads the graph form.
     *
     * @throws UsageException naming the bad value and the valid ones
     */
    public static PredictorFactory factory(String name, Optional<String> encoding) {
        requireKnown(name);
        if (name.equals(EnsemblePredictor.NAME)) {
            return ensemble(List.of());
        }
        if (name.equals(GcnPredictor.NAME)) {
            return GcnPredictor.factory();
        }
        Function<SearchSpace, Encoder> encoders = encoders(name, encoding);
        if (name.equals(XgboostPredictors.NAME)) {
            return XgboostPredictors.factory(encoders);
        }
        return Predictors.factory(name, encoders).orElseThrow();
    }

    /**
     * Returns whether predictor {@code name} reads a chosen encoding; the ensemble and
     * the graph network read their own input.
     */
    public static boolean readsEncoding(String name) {
        requireKnown(name);
        return !name.equals(EnsemblePredictor.NAME) && !name.equals(GcnPredictor.NAME);
    }

    /** Returns the name of the encoding predictor {@code name} reads, as benchmarks report it. */
    public static String encodingName(String name, Optional<String> encoding) {
        requireKnown(name);
        if (name.equals(EnsemblePredictor.NAME)) {
            return "stacked";
        }
        if (name.equals(GcnPredictor.NAME)) {
            return "graph";
        }
        if (encoding.isPresent() && encoding.get().equals(TextEncoding.NAME)) {
            return TextEncoding.NAME;
        }
        return encoding.map(PredictorCatalog::encoding).orElse(defaultEncoding(name)).key();
    }

    private static Function<SearchSpace, Encoder> encoders(String name, Optional<String> encoding) {
        if (encoding.isPresent() && encoding.get().equals(TextEncoding.NAME)) {
            return TextEncoding::encoder;
        }
        return encoding.map(PredictorCatalog::encoding).orElse(defaultEncoding(name))::encoder;
    }

    private static Encoding defaultEncoding(String name) {
        return name.equals(XgboostPredictors.NAME) ? XgboostPredictors.DEFAULT_ENCODING
                : Predictors.defaultEncoding(name);
    }

    /** Returns the ensemble of {@link #ENSEMBLE_MEMBERS} with {@code features} beside them. */
    public static PredictorFactory ensemble(List<ProxyScorer> features) {
        List<PredictorFactory> members = new ArrayList<>();
        for (String member : ENSEMBLE_MEMBERS) {
            members.add(factory(member, Optional.empty()));
        }
        return EnsemblePredictor.factory(members, features);
    }

    private static void requireKnown(String name) {
        if (!names().contains(name)) {
            throw new UsageException("unknown predictor '" + name + "'; valid predictors are "
                    + String.join(", ", names()));
        }
    }

    private static Encoding encoding(String value) {
        try {
            return Encoding.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown encoding '" + value + "'; valid encodings are "
                    + String.join(", ", encodings()));
        }
    }
}
