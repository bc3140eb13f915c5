package io.archforge.latency;

import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * Predicts the inference latency of architectures of one search space on one device,
 * in milliseconds, after fitting to architectures measured on that device.
 *
 * <p>Fitting replaces any earlier fit. Instances are not thread-safe.
 */
public interface LatencyPredictor {

    /** Returns the predictor's name as benchmarks report it, such as {@code lookup}. */
    String name();

    /** Returns the space whose architectures the predictor reads. */
    SearchSpace space();

    /** Returns the minimum number of measured architectures {@link #fit} accepts. */
    int minTrainingSize();

    /**
     * Fits the predictor to measured latencies.
     *
     * @param architectures the measured architectures, all of {@link #space()}
     * @param latenciesMs one latency per architecture, in ms, finite and positive
     * @throws IllegalArgumentException when there are fewer than
     *     {@link #minTrainingSize()} architectures, when one is from another space, or when
     *     a latency is not finite and positive
     */
    void fit(List<Architecture> architectures, double[] latenciesMs);

    /**
     * Predicts the latency of one architecture, in ms.
     *
     * @throws IllegalStateException when called before {@link #fit}
     */
    double predictMs(Architecture architecture);

    /** Predicts several architectures, in order, in ms. */
    default double[] predictMs(List<Architecture> architectures) {
        double[] predictions = new double[architectures.size()];
        for (int i = 0; i < predictions.length; i++) {
            predictions[i] = predictMs(architectures.get(i));
        }
        return predictions;
    }

    /**
     * Checks a training set before {@code predictor} fits it.
     *
     * @throws IllegalArgumentException naming the rule that the set breaks
     */
    static void checkTrainingSet(LatencyPredictor predictor, List<Architecture> architectures,
            double[] latenciesMs) {
        if (architectures.size() != latenciesMs.length) {
            throw new IllegalArgumentException("latency predictor '" + predictor.name()
                    + "' needs one latency per architecture, got " + architectures.size()
                    + " architectures and " + latenciesMs.length + " latencies");
        }
        if (architectures.size() < predictor.minTrainingSize()) {
            throw new IllegalArgumentException("latency predictor '" + predictor.name()
                    + "' needs at least " + predictor.minTrainingSize()
                    + " measured architectures, got " + architectures.size());
        }
        String space = predictor.space().name();
        for (int i = 0; i < latenciesMs.length; i++) {
            if (!architectures.get(i).space().equals(space)) {
                throw new IllegalArgumentException("architecture '" + architectures.get(i).text()
                        + "' is from space '" + architectures.get(i).space()
                        + "', but latency predictor '" + predictor.name() + "' reads space '"
                        + space + "'");
            }
            if (!(latenciesMs[i] > 0) || !Double.isFinite(latenciesMs[i])) {
                throw new IllegalArgumentException("latency " + i + " is " + latenciesMs[i]
                        + " ms; latencies must be finite and positive");
            }
        }
    }

    /** Returns the natural logarithm of each latency. */
    static double[] log(double[] latenciesMs) {
        double[] logs = new double[latenciesMs.length];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = Math.log(latenciesMs[i]);
        }
        return logs;
    }

    /** Returns the architectures at {@code rows}, in that order. */
    static List<Architecture> select(List<Architecture> architectures, int[] rows) {
        List<Architecture> selected = new ArrayList<>(rows.length);
        for (int row : rows) {
            selected.add(architectures.get(row));
        }
        return selected;
    }
}
