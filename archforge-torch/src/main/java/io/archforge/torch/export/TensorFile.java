package io.archforge.torch.export;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The content of a safetensors file: named tensors in file order and the string
 * metadata of its {@code __metadata__} entry.
 *
 * @param tensors the tensors, names unique
 * @param metadata free-form string pairs, in insertion order
 */
public record TensorFile(List<Tensor> tensors, Map<String, String> metadata) {

    public TensorFile {
        tensors = List.copyOf(tensors);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        Set<String> names = new HashSet<>();
        for (Tensor tensor : tensors) {
            if (!names.add(tensor.name())) {
                throw new IllegalArgumentException("tensor name '" + tensor.name()
                        + "' occurs twice");
            }
            if (tensor.name().equals(Safetensors.METADATA_KEY)) {
                throw new IllegalArgumentException("a tensor may not be named "
                        + Safetensors.METADATA_KEY);
            }
        }
    }

    /** Returns the tensor named {@code name}, or empty when there is none. */
    public Optional<Tensor> tensor(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Returns the tensors by name, in file order. */
    public Map<String, Tensor> byName() {
        Map<String, Tensor> map = new LinkedHashMap<>();
        tensors.forEach(tensor -> map.put(tensor.name(), tensor));
        return Collections.unmodifiableMap(map);
    }

    /** Returns the total number of tensor elements. */
    public long elementCount() {
        return tensors.stream().mapToLong(Tensor::elementCount).sum();
    }
}
