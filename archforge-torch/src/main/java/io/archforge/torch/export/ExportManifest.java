package io.archforge.torch.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The content of an export's {@code architecture.json}: what the network is and where
 * it comes from. {@link ExportedModel} rebuilds the network from it.
 *
 * @param architecture the architecture text
 * @param network the network settings, which name the space
 * @param trained whether the weights were trained, rather than initialized from the seed
 * @param seed the trial seed
 * @param tensorCount the tensors in the weights file
 * @param valueCount the values in the weights file: parameters and batch-norm statistics
 * @param metrics the trial's metrics
 * @param study the study name
 * @param trial the trial number
 * @param archforgeVersion the version of Archforge that exported
 * @param exported when the export was made
 */
public record ExportManifest(String architecture, NetworkSpec network, boolean trained,
        long seed, int tensorCount, long valueCount, Map<String, Double> metrics,
        String study, int trial, String archforgeVersion, Instant exported) {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "archforge-model";
    /** The version of the layout that this class writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    public ExportManifest {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(network, "network");
        metrics = Map.copyOf(metrics);
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(archforgeVersion, "archforgeVersion");
        Objects.requireNonNull(exported, "exported");
    }

    /** Returns the search space name. */
    public String space() {
        return network.space();
    }

    /** Writes the manifest as indented JSON to {@code path}. */
    public void write(Path path) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("format_version", FORMAT_VERSION);
        json.put("space", space());
        json.put("architecture", architecture);
        json.put("network", network.toJson());
        Map<String, Object> weights = new LinkedHashMap<>();
        weights.put("file", ModelExport.WEIGHTS_FILE);
        weights.put("trained", trained);
        weights.put("seed", seed);
        weights.put("tensors", tensorCount);
        weights.put("values", valueCount);
        json.put("weights", weights);
        json.put("metrics", new TreeMap<>(metrics));
        json.put("study", study);
        json.put("trial", trial);
        json.put("archforge_version", archforgeVersion);
        json.put("exported", exported.toString());
        Files.writeString(path, MAPPER.writeValueAsString(json) + "\n");
    }

    /**
     * Reads an {@code architecture.json}.
     *
     * @throws IllegalArgumentException when the file is not an Archforge export of format
     *     version {@value #FORMAT_VERSION} or a field is missing
     */
    public static ExportManifest read(Path path) throws IOException {
        JsonNode json = MAPPER.readTree(path.toFile());
        try {
            if (json == null || !FORMAT.equals(json.path("format").asText())) {
                throw new IllegalArgumentException("it is not an Archforge export: 'format'"
                        + " is not " + FORMAT);
            }
            int version = json.path("format_version").asInt(-1);
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("format_version " + version
                        + " is not supported; this version of Archforge reads "
                        + FORMAT_VERSION);
            }
            JsonNode weights = required(json, "weights");
            return new ExportManifest(required(json, "architecture").asText(),
                    NetworkSpecs.fromJson(required(json, "network")),
                    required(weights, "trained").asBoolean(),
                    required(weights, "seed").asLong(),
                    required(weights, "tensors").asInt(),
                    required(weights, "values").asLong(),
                    metrics(json.path("metrics")),
                    required(json, "study").asText(),
                    required(json, "trial").asInt(),
                    required(json, "archforge_version").asText(),
                    Instant.parse(required(json, "exported").asText()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    private static Map<String, Double> metrics(JsonNode node) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            metrics.put(field.getKey(), field.getValue().asDouble());
        }
        return metrics;
    }
}
