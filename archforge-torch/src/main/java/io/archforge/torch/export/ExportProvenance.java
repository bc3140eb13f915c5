package io.archforge.torch.export;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The origin of an exported network (study, trial, data and versions), for the model
 * card and architecture.json.
 *
 * @param study the study name
 * @param trial the trial number
 * @param seed the trial seed, which initialized the weights
 * @param dataset the data set as the command line names it, such as {@code fashion-mnist}
 * @param training the training settings by name, such as {@code epochs}; empty when the
 *     weights were not trained
 * @param attributes the trial's stored attributes, such as {@code data_source} and
 *     {@code djl_version}
 * @param trialFinished when the trial finished, or empty when unknown
 * @param archforgeVersion the version of Archforge that exports
 * @param exported when the export was made
 */
public record ExportProvenance(String study, int trial, long seed, String dataset,
        Map<String, String> training, Map<String, String> attributes,
        Optional<Instant> trialFinished, String archforgeVersion, Instant exported) {

    public ExportProvenance {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(dataset, "dataset");
        training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(trialFinished, "trialFinished");
        Objects.requireNonNull(archforgeVersion, "archforgeVersion");
        Objects.requireNonNull(exported, "exported");
    }
}
