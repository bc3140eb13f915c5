package io.archforge.latency;

import io.archforge.encoding.Encoder;
import io.archforge.predictor.Predictor;
import io.archforge.predictor.RankCorrelation;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Predicts latency on a target device from a few measured architectures by borrowing
 * from source devices. It follows the idea of HELP (Lee, Lee and Hwang, "HELP:
 * Hardware-Adaptive Efficient Latency Prediction for NAS via Meta-Learning", NeurIPS
 * 2021) to describe a device by its latencies on a fixed set of reference architectures.
 * This class is not meta-learning, because it trains no model across devices.
 *
 * <p>A fit on the target's training networks does four things:
 * <ol>
 *   <li>It reads the target's latencies on the reference architectures, which the
 *       training set must contain: the device embedding.</li>
 *   <li>It ranks the source devices by the Spearman correlation of their log latencies
 *       on the same references with the target's, and keeps the {@code neighbours} best,
 *       the earlier source on ties.</li>
 *   <li>It fits {@code log target = alpha + beta * z} by least squares on every
 *       training network, where {@code z} is the mean log latency of the nearest sources.</li>
 *   <li>When a residual model is given and the training set has at least
 *       {@link #MIN_RESIDUAL_SIZE} networks, it fits that model to the residuals of step 3
 *       on the encoding.</li>
 * </ol>
 * The prediction is {@code exp(alpha + beta * z + residual)}. A source's latency comes
 * from its {@link SourceDevice#latencyMs} function: measured values where the source
 * has measured the architecture, or a model fitted on the source's data. Source data
 * never includes the target device.
 */
public final class TransferLatencyPredictor implements LatencyPredictor {

    /** The name benchmarks report. */
    public static final String NAME = "transfer";

    /** The minimum number of training networks for which the residual model is fitted. */
    public static final int MIN_RESIDUAL_SIZE = 20;

    /**
     * A source device.
     *
     * @param name the device name
     * @param latencyMs the device's latency of an architecture, in ms, positive
     */
    public record SourceDevice(String name, ToDoubleFunction<Architecture> latencyMs) {
        public SourceDevice {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(latencyMs, "latencyMs");
        }
    }

    private final SearchSpace space;
    private final List<Architecture> references;
    private final List<SourceDevice> sources;
    private final int neighbours;
    private final Encoder encoder;
    private final EncodedPredictorFactory residualModels;
    private final long seed;
    private List<SourceDevice> nearest = List.of();
    private double alpha;
    private double beta;
    private Predictor residual;
    private boolean fitted;

    /**
     * Creates the predictor.
     *
     * @param space the space of the architectures
     * @param references the reference architectures, at least 3
     * @param sources the source devices, at least 1, none of them the target
     * @param neighbours how many of the most similar sources to keep, at least 1
     * @param encoder the encoding the residual model reads, or null for no residual model
     * @param residualModels creates the residual model, or null for none
     * @param seed the seed of the residual model's fits
     * @throws IllegalArgumentException when a count is out of range
     */
    public TransferLatencyPredictor(SearchSpace space, List<Architecture> references,
            List<SourceDevice> sources, int neighbours, Encoder encoder,
            EncodedPredictorFactory residualModels, long seed) {
        this.space = Objects.requireNonNull(space, "space");
        this.references = List.copyOf(references);
        this.sources = List.copyOf(sources);
        if (this.references.size() < 3) {
            throw new IllegalArgumentException("transfer needs at least 3 reference "
                    + "architectures to rank source devices, got " + this.references.size());
        }
        if (this.sources.isEmpty()) {
            throw new IllegalArgumentException("transfer needs at least one source device");
        }
        if (neighbours < 1) {
            throw new IllegalArgumentException("transfer needs at least 1 neighbour, got "
                    + neighbours);
        }
        if ((encoder == null) != (residualModels == null)) {
            throw new IllegalArgumentException("give both the encoder and the residual models, "
                    + "or neither");
        }
        this.neighbours = Math.min(neighbours, this.sources.size());
        this.encoder = encoder;
        this.residualModels = residualModels;
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    /** Returns the number of reference architectures, which every training set contains. */
    @Override
    public int minTrainingSize() {
        return references.size();
    }

    /** Returns the reference architectures. */
    public List<Architecture> references() {
        return references;
    }

    /** Returns the source devices the last fit chose, most similar first. */
    public List<String> keptSources() {
        return nearest.stream().map(SourceDevice::name).toList();
    }

    /** Returns the slope of the last fit's log-linear map. */
    public double slope() {
        return beta;
    }

    /** Returns whether the last fit fitted a residual model. */
    public boolean hasResidual() {
        return residual != null;
    }

    @Override
    public void fit(List<Architecture> architectures, double[] latenciesMs) {
        LatencyPredictor.checkTrainingSet(this, architectures, latenciesMs);
        double[] logMs = LatencyPredictor.log(latenciesMs);

        // Device embedding: the target's log latencies on the references
        Map<Architecture, Double> measured = new HashMap<>();
        for (int i = 0; i < logMs.length; i++) {
            measured.put(architectures.get(i), logMs[i]);
        }
        double[] embedding = new double[references.size()];
        for (int r = 0; r < embedding.length; r++) {
            Double value = measured.get(references.get(r));
            if (value == null) {
                throw new IllegalArgumentException("the training set lacks reference "
                        + "architecture '" + references.get(r).text() + "'; transfer reads the "
                        + "target's latency on every reference architecture");
            }
            embedding[r] = value;
        }

        // Keep the most similar sources
        nearest = rankSources(embedding).subList(0, neighbours);

        // Log-linear map from the nearest sources to the target
        double[] z = new double[logMs.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = sourceFeature(architectures.get(i));
        }
        fitLine(z, logMs);

        // Residual model on what the map misses
        residual = null;
        if (residualModels != null && architectures.size() >= MIN_RESIDUAL_SIZE) {
            double[] residuals = new double[logMs.length];
            for (int i = 0; i < residuals.length; i++) {
                residuals[i] = logMs[i] - alpha - beta * z[i];
            }
            Predictor model = residualModels.create(space, encoder, seed);
            model.fit(architectures, residuals);
            residual = model;
        }
        fitted = true;
    }

    private List<SourceDevice> rankSources(double[] embedding) {
        Map<SourceDevice, Double> similarity = new HashMap<>();
        for (SourceDevice source : sources) {
            double[] sourceEmbedding = new double[references.size()];
            for (int r = 0; r < sourceEmbedding.length; r++) {
                sourceEmbedding[r] = logLatency(source, references.get(r));
            }
            similarity.put(source, RankCorrelation.spearman(embedding, sourceEmbedding));
        }
        List<SourceDevice> ranked = new ArrayList<>(sources);
        // A stable sort keeps the earlier source first on ties.
        ranked.sort(Comparator.comparingDouble((SourceDevice s) -> similarity.get(s)).reversed());
        return List.copyOf(ranked);
    }

    private void fitLine(double[] z, double[] logMs) {
        double meanZ = 0;
        double meanY = 0;
        for (int i = 0; i < z.length; i++) {
            meanZ += z[i] / z.length;
            meanY += logMs[i] / z.length;
        }
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < z.length; i++) {
            covariance += (z[i] - meanZ) * (logMs[i] - meanY);
            variance += (z[i] - meanZ) * (z[i] - meanZ);
        }
        beta = variance > 0 ? covariance / variance : 0;
        alpha = meanY - beta * meanZ;
    }

    private double sourceFeature(Architecture architecture) {
        double sum = 0;
        for (SourceDevice source : nearest) {
            sum += logLatency(source, architecture);
        }
        return sum / nearest.size();
    }

    private static double logLatency(SourceDevice source, Architecture architecture) {
        double latency = source.latencyMs().applyAsDouble(architecture);
        if (!(latency > 0) || !Double.isFinite(latency)) {
            throw new IllegalArgumentException("source device '" + source.name()
                    + "' gives latency " + latency + " ms for '" + architecture.text()
                    + "'; source latencies must be finite and positive");
        }
        return Math.log(latency);
    }

    @Override
    public double predictMs(Architecture architecture) {
        if (!fitted) {
            throw new IllegalStateException("the transfer predictor was not fitted; call fit");
        }
        double logMs = alpha + beta * sourceFeature(architecture);
        if (residual != null) {
            logMs += residual.predict(architecture).mean();
        }
        return Math.exp(logMs);
    }
}
