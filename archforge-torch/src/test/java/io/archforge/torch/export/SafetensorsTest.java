package io.archforge.torch.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.torch.train.DjlRuntime;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafetensorsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static TensorFile sample() {
        Tensor weight = Tensor.ofFloats("conv.weight", new long[] {2, 1, 3, 1},
                new float[] {1.5f, -2f, 0f, -0f, Float.MIN_VALUE, 3.25e-7f});
        Tensor bias = Tensor.ofFloats("conv.bias", new long[] {2}, new float[] {7f, -7f});
        Tensor scalar = Tensor.ofFloats("scale", new long[] {}, new float[] {0.5f});
        byte[] count = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(42L)
                .array();
        Tensor steps = new Tensor("bn.num_batches_tracked", TensorType.I64, new long[] {},
                count);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("architecture", "s1.depth=1,\"quoted\"");
        return new TensorFile(List.of(weight, bias, scalar, steps), metadata);
    }

    @Test
    void roundTripKeepsTensorsAndMetadata() {
        TensorFile file = sample();

        TensorFile decoded = Safetensors.decode(Safetensors.encode(file));

        assertThat(decoded.tensors()).containsExactlyElementsOf(file.tensors());
        assertThat(decoded.metadata()).containsExactlyEntriesOf(file.metadata());
        assertThat(decoded.tensor("conv.weight").orElseThrow().floats())
                .containsExactly(1.5f, -2f, 0f, -0f, Float.MIN_VALUE, 3.25e-7f);
    }

    @Test
    void headerIsJsonWithPackedOffsets() throws Exception {
        byte[] bytes = Safetensors.encode(sample());

        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN)
                .getLong();
        String text = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        JsonNode header = MAPPER.readTree(text);

        // The data starts 8-byte aligned, after a header padded with spaces
        assertThat((8 + headerLength) % 8).isZero();
        assertThat(text.stripTrailing()).endsWith("}");
        assertThat(header.get("__metadata__").get("format").asText()).isEqualTo("pt");
        assertThat(header.get("conv.weight").get("dtype").asText()).isEqualTo("F32");
        assertThat(header.get("conv.weight").get("shape").toString()).isEqualTo("[2,1,3,1]");
        assertThat(header.get("conv.weight").get("data_offsets").toString())
                .isEqualTo("[0,24]");
        assertThat(header.get("conv.bias").get("data_offsets").toString()).isEqualTo("[24,32]");
        assertThat(header.get("scale").get("data_offsets").toString()).isEqualTo("[32,36]");
        assertThat(header.get("bn.num_batches_tracked").get("dtype").asText())
                .isEqualTo("I64");
        assertThat(header.get("bn.num_batches_tracked").get("data_offsets").toString())
                .isEqualTo("[36,44]");
        assertThat(bytes.length).isEqualTo(8 + headerLength + 44);
    }

    @Test
    void djlReadsWrittenFile() {
        TensorFile file = sample();
        List<Tensor> floats = file.tensors().subList(0, 3);
        byte[] bytes = Safetensors.encode(new TensorFile(floats, file.metadata()));

        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            NDList decoded = NDList.decode(manager, bytes);

            assertThat(decoded).hasSize(3);
            NDArray weight = decoded.get("conv.weight");
            assertThat(weight.getShape()).isEqualTo(new Shape(2, 1, 3, 1));
            assertThat(weight.toFloatArray()).containsExactly(floats.get(0).floats());
            assertThat(decoded.get("conv.bias").toFloatArray()).containsExactly(7f, -7f);
        }
    }

    @Test
    void readsFileDjlWrote() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            NDArray first = manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
            first.setName("first");
            NDArray second = manager.create(new float[] {-1.25f}, new Shape(1));
            second.setName("second");
            byte[] bytes = new NDList(first, second).encode(NDList.Encoding.SAFETENSORS);

            TensorFile decoded = Safetensors.decode(bytes);

            assertThat(decoded.tensor("first").orElseThrow().floats())
                    .containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(decoded.tensor("first").orElseThrow().shape()).containsExactly(2, 3);
            assertThat(decoded.tensor("second").orElseThrow().floats()).containsExactly(-1.25f);
        }
    }

    @Test
    void truncatedFileIsRejected() {
        byte[] bytes = Safetensors.encode(sample());

        assertThatThrownBy(() -> Safetensors.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid safetensors file");
        assertThatThrownBy(() -> Safetensors.decode(new byte[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fewer than the 8-byte header length");
    }

    @Test
    void gapBetweenTensorsIsRejected() {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";

        assertThatThrownBy(() -> Safetensors.decode(file(header, 12)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tensor 'b' starts at data byte 8");
    }

    @Test
    void sizeMismatchIsRejected() {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}";

        assertThatThrownBy(() -> Safetensors.decode(file(header, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 8 bytes, got 4");
    }

    @Test
    void unknownDtypeIsRejected() {
        String header = "{\"a\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}";

        assertThatThrownBy(() -> Safetensors.decode(file(header, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported safetensors dtype 'BF16'");
    }

    @Test
    void duplicateNamesAreRejected() {
        Tensor one = Tensor.ofFloats("a", new long[] {1}, new float[] {1});

        assertThatThrownBy(() -> new TensorFile(List.of(one, one), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a' occurs twice");
    }

    /** Returns a file with {@code header} and {@code dataBytes} zero bytes of data. */
    private static byte[] file(String header, int dataBytes) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(json.length).put(json).array();
    }
}
