package io.archforge.torch.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format of Hugging Face
 * (https://huggingface.co/docs/safetensors): an 8-byte little-endian header length, a
 * UTF-8 JSON header that gives each tensor's {@code dtype}, {@code shape} and
 * {@code data_offsets} and contains string pairs under {@code __metadata__}, then the raw
 * little-endian tensor data.
 *
 * <p>DJL 0.36 writes safetensors too ({@code NDList.encode(Encoding.SAFETENSORS)}), but it
 * cannot write {@code __metadata__}, orders the header by a hash map and needs every
 * tensor as an engine array. This codec works on plain bytes.
 *
 * <p>The writer puts {@code __metadata__} first, then the tensors in list order with
 * their data packed in that order, and pads the header with spaces to a multiple of 8
 * bytes, so that the data starts aligned. The reader accepts any header order and
 * checks what the format requires: the header fits the file, each tensor's byte range
 * matches its shape and type, and the ranges cover the data without gaps or overlaps.
 */
public final class Safetensors {

    /** The header key of the string metadata. */
    public static final String METADATA_KEY = "__metadata__";

    /** The largest header accepted, 100 MB, the limit of the reference implementation. */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int LENGTH_BYTES = 8;
    private static final int ALIGNMENT = 8;

    private Safetensors() {
    }

    /** Encodes {@code file} in the safetensors format. */
    public static byte[] encode(TensorFile file) {
        // Header: metadata, then each tensor's byte range in list order
        ObjectNode header = MAPPER.createObjectNode();
        if (!file.metadata().isEmpty()) {
            ObjectNode metadata = header.putObject(METADATA_KEY);
            file.metadata().forEach(metadata::put);
        }
        long offset = 0;
        for (Tensor tensor : file.tensors()) {
            ObjectNode entry = header.putObject(tensor.name());
            entry.put("dtype", tensor.type().name());
            ArrayNode shape = entry.putArray("shape");
            tensor.shapeList().forEach(shape::add);
            entry.putArray("data_offsets").add(offset).add(offset + tensor.byteCount());
            offset += tensor.byteCount();
        }
        byte[] json = headerBytes(header);

        // Length, padded header, data
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(LENGTH_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(json.length).array());
        out.writeBytes(json);
        file.tensors().forEach(tensor -> out.writeBytes(tensor.rawData()));
        return out.toByteArray();
    }

    /** Writes {@code file} to {@code path} in the safetensors format. */
    public static void write(TensorFile file, Path path) throws IOException {
        Files.write(path, encode(file));
    }

    /**
     * Decodes a safetensors file; the tensors come in the order of their data.
     *
     * @throws IllegalArgumentException when the bytes are not a valid safetensors file
     *     or use a dtype outside {@link TensorType}
     */
    public static TensorFile decode(byte[] bytes) {
        // Header length and JSON
        if (bytes.length < LENGTH_BYTES) {
            throw invalid("it has " + bytes.length + " bytes, fewer than the 8-byte header"
                    + " length");
        }
        long headerLength = ByteBuffer.wrap(bytes, 0, LENGTH_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES
                || headerLength > bytes.length - LENGTH_BYTES) {
            throw invalid("header length " + headerLength + " does not fit a file of "
                    + bytes.length + " bytes");
        }
        int dataStart = LENGTH_BYTES + (int) headerLength;
        JsonNode header = parseHeader(bytes, dataStart);

        // Entries, sorted by where their data starts
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = header.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals(METADATA_KEY)) {
                metadata.putAll(metadata(field.getValue()));
            } else {
                entries.add(entry(field.getKey(), field.getValue()));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::begin));

        // Tensors, checking that the byte ranges tile the data
        long dataLength = bytes.length - (long) dataStart;
        long expectedBegin = 0;
        List<Tensor> tensors = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.begin() != expectedBegin) {
                throw invalid("tensor '" + entry.name() + "' starts at data byte "
                        + entry.begin() + " but the previous tensor ends at " + expectedBegin);
            }
            if (entry.end() > dataLength) {
                throw invalid("tensor '" + entry.name() + "' ends at data byte "
                        + entry.end() + ", past the " + dataLength + " data bytes");
            }
            byte[] data = Arrays.copyOfRange(bytes, dataStart + (int) entry.begin(),
                    dataStart + (int) entry.end());
            long[] shape = entry.shape().stream().mapToLong(Long::longValue).toArray();
            tensors.add(new Tensor(entry.name(), entry.type(), shape, data));
            expectedBegin = entry.end();
        }
        if (expectedBegin != dataLength) {
            throw invalid("the tensors cover " + expectedBegin + " of the " + dataLength
                    + " data bytes");
        }
        return new TensorFile(tensors, metadata);
    }

    /**
     * Reads a safetensors file.
     *
     * @throws IllegalArgumentException when the file is not a valid safetensors file
     */
    public static TensorFile read(Path path) throws IOException {
        try {
            return decode(Files.readAllBytes(path));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    /** Serializes the header and pads it with spaces to the alignment. */
    private static byte[] headerBytes(ObjectNode header) {
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        int padded = (json.length + LENGTH_BYTES + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT
                - LENGTH_BYTES;
        byte[] result = Arrays.copyOf(json, padded);
        Arrays.fill(result, json.length, padded, (byte) ' ');
        return result;
    }

    private static JsonNode parseHeader(byte[] bytes, int end) {
        if (bytes[LENGTH_BYTES] != '{') {
            throw invalid("the header does not start with '{'");
        }
        JsonNode header;
        try {
            header = MAPPER.readTree(new String(bytes, LENGTH_BYTES, end - LENGTH_BYTES,
                    StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw invalid("the header is not valid JSON: " + e.getOriginalMessage());
        }
        if (header == null || !header.isObject()) {
            throw invalid("the header is not a JSON object");
        }
        return header;
    }

    private static Map<String, String> metadata(JsonNode node) {
        if (!node.isObject()) {
            throw invalid(METADATA_KEY + " is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw invalid(METADATA_KEY + " value of '" + field.getKey()
                        + "' is not a string");
            }
            metadata.put(field.getKey(), field.getValue().asText());
        }
        return metadata;
    }

    private static Entry entry(String name, JsonNode node) {
        JsonNode dtype = node.get("dtype");
        JsonNode shape = node.get("shape");
        JsonNode offsets = node.get("data_offsets");
        if (dtype == null || !dtype.isTextual() || shape == null || !shape.isArray()
                || offsets == null || !offsets.isArray() || offsets.size() != 2) {
            throw invalid("tensor '" + name + "' needs a dtype, a shape and two data_offsets");
        }
        List<Long> dimensions = new ArrayList<>();
        for (JsonNode dimension : shape) {
            dimensions.add(nonNegative(dimension, name, "shape"));
        }
        long begin = nonNegative(offsets.get(0), name, "data_offsets");
        long end = nonNegative(offsets.get(1), name, "data_offsets");
        if (end < begin) {
            throw invalid("tensor '" + name + "' has data_offsets [" + begin + ", " + end
                    + "], which end before they begin");
        }
        return new Entry(name, TensorType.parse(dtype.asText()), dimensions, begin, end);
    }

    private static long nonNegative(JsonNode value, String name, String field) {
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            throw invalid("tensor '" + name + "' has an invalid " + field + " value " + value);
        }
        return value.asLong();
    }

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException("invalid safetensors file: " + reason);
    }

    /** A tensor's header entry. */
    private record Entry(String name, TensorType type, List<Long> shape, long begin, long end) {
    }
}
