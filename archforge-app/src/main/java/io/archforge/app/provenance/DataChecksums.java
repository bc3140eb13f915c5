package io.archforge.app.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.provenance.Checksums;
import io.archforge.provenance.DataInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checksums of the data an evaluator reads, as compact JSON that maps each input's
 * file name to its SHA-256, sorted by name, such as
 * {@code {"train-images-idx3-ubyte.gz":"5a2a...","train-labels-idx1-ubyte.gz":"3c7f..."}}.
 * Inputs that share a file name are listed under their locations instead. An evaluator
 * that reads no data gives {@code {}}.
 */
public final class DataChecksums {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataChecksums() {
    }

    /**
     * Returns the checksums of {@code inputs} as JSON.
     *
     * @throws java.io.UncheckedIOException naming an input that cannot be read
     */
    public static String json(List<DataInput> inputs) {
        Map<String, Integer> uses = new HashMap<>();
        inputs.forEach(input -> uses.merge(input.name(), 1, Integer::sum));
        Map<String, String> checksums = new TreeMap<>();
        for (DataInput input : inputs) {
            String key = uses.get(input.name()) > 1 ? input.location() : input.name();
            checksums.put(key, Checksums.sha256(input));
        }
        try {
            return JSON.writeValueAsString(checksums);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }
}
