package io.archforge.torch.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.space.RecipeSpace;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201Skeleton;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a {@link NetworkSpec} from JSON, from weights metadata or from a stored study. */
public final class NetworkSpecs {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NetworkSpecs() {
    }

    /**
     * Returns the network of a trial of a study over {@code space}. A {@code macro} or
     * {@code macro+recipe} trial needs its stored weights, whose metadata names the
     * network. An {@code nb201} trial gets the benchmark's network for the study's data
     * set.
     *
     * @param evaluatorOptions the study's evaluator options, whose {@code dataset} names
     *     the NAS-Bench-201 data set of an {@code nb201} study
     * @param weights the trial's stored weights, or empty
     * @throws IllegalArgumentException naming the supported spaces, the missing weights or
     *     the data set that has no NAS-Bench-201 network
     */
    public static NetworkSpec forTrial(String space, Map<String, String> evaluatorOptions,
            Optional<TensorFile> weights) {
        if (space.equals(MacroNetworkSpec.SPACE) || space.equals(RecipeSpace.NAME)) {
            TensorFile file = weights.orElseThrow(() -> new IllegalArgumentException(
                    "the trial has no stored weights (artifact " + ModelExport.WEIGHTS_FILE
                            + "); only macro trials trained by the train evaluator store"
                            + " them"));
            return fromMetadata(file.metadata());
        }
        if (space.equals(Nb201NetworkSpec.SPACE)) {
            String dataset = evaluatorOptions.getOrDefault("dataset", "");
            if (!Nb201Input.DATASETS.contains(dataset.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("an nb201 export needs a study of a"
                        + " NAS-Bench-201 data set (" + String.join(", ", Nb201Input.DATASETS)
                        + "), not of '" + dataset + "'");
            }
            return Nb201NetworkSpec.benchmark(dataset);
        }
        throw unsupported(space);
    }

    /**
     * Reads the network from weights metadata, where {@link NetworkWeights} stores it.
     *
     * @throws IllegalArgumentException when the metadata has no valid network
     */
    public static NetworkSpec fromMetadata(Map<String, String> metadata) {
        String text = metadata.get(NetworkWeights.NETWORK_KEY);
        if (text == null) {
            throw new IllegalArgumentException("the weights metadata has no '"
                    + NetworkWeights.NETWORK_KEY + "' entry, so the network is unknown");
        }
        try {
            return fromJson(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the weights metadata '"
                    + NetworkWeights.NETWORK_KEY + "' is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads the JSON that {@link NetworkSpec#toJson()} writes.
     *
     * @throws IllegalArgumentException when a field is missing or invalid
     */
    public static NetworkSpec fromJson(JsonNode json) {
        String space = text(json, "space");
        JsonNode shape = json.get("input_shape");
        if (shape == null || !shape.isArray() || shape.size() != 3) {
            throw new IllegalArgumentException("network field 'input_shape' must be"
                    + " [channels, height, width], got " + shape);
        }
        int channels = integer(shape.get(0), "input_shape");
        int height = integer(shape.get(1), "input_shape");
        int width = integer(shape.get(2), "input_shape");
        int classes = integer(json.get("classes"), "classes");
        if (space.equals(MacroNetworkSpec.SPACE)) {
            return new MacroNetworkSpec(channels, height, width, classes,
                    integer(json.get("stem_stride"), "stem_stride"));
        }
        if (space.equals(Nb201NetworkSpec.SPACE)) {
            if (height != width) {
                throw new IllegalArgumentException("an nb201 network needs square images, got "
                        + height + "x" + width);
            }
            return new Nb201NetworkSpec(new Nb201Input(channels, height, classes),
                    new Nb201Skeleton(integer(json.get("stem_channels"), "stem_channels"),
                            integer(json.get("cells_per_stage"), "cells_per_stage")));
        }
        throw unsupported(space);
    }

    /** Returns the error for a space whose networks cannot be exported. */
    static IllegalArgumentException unsupported(String space) {
        return new IllegalArgumentException("cannot export networks of space '" + space
                + "': export supports " + MacroNetworkSpec.SPACE + " and " + RecipeSpace.NAME
                + " (trained weights) and "
                + Nb201NetworkSpec.SPACE + " (untrained weights from the trial seed)");
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("network field '" + field + "' is missing");
        }
        return value.asText();
    }

    private static int integer(JsonNode value, String field) {
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("network field '" + field
                    + "' must be an integer, got " + value);
        }
        return value.asInt();
    }
}
