package io.archforge.torch.export;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The input of {@link ModelExport}: one trial's network with its weights and results.
 *
 * @param architecture the architecture text, as the space prints it
 * @param network the network settings, which also name the space
 * @param weights the trained weights, or empty to initialize the network from the
 *     trial seed and export it untrained
 * @param metrics the trial's metric values by name
 * @param provenance the study, trial, data and versions behind the network
 */
public record ExportRequest(String architecture, NetworkSpec network,
        Optional<TensorFile> weights, Map<String, Double> metrics,
        ExportProvenance provenance) {

    public ExportRequest {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(weights, "weights");
        metrics = Map.copyOf(metrics);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** Returns whether the request carries trained weights. */
    public boolean trained() {
        return weights.isPresent();
    }
}
