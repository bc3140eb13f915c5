package io.archforge.space;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Rebuilds a space that a study stores with itself instead of naming a built-in one, such
 * as a space declared in a YAML file. Modules that can read such a space register an
 * implementation with {@link ServiceLoader}, so that readers of a study, such as the
 * dashboard, rebuild it without depending on those modules.
 */
public interface StoredSpaceProvider {

    /**
     * Returns the space named {@code name} that {@code evaluatorOptions} store, or empty
     * when they store none that this provider reads.
     *
     * @throws IllegalArgumentException when the stored space is invalid
     */
    Optional<SearchSpace> space(String name, Map<String, String> evaluatorOptions);

    /**
     * Returns the stored space of the first provider on the class path that has one for
     * {@code name} and {@code evaluatorOptions}.
     *
     * @throws IllegalArgumentException when a stored space is invalid
     */
    static Optional<SearchSpace> find(String name, Map<String, String> evaluatorOptions) {
        for (StoredSpaceProvider provider : ServiceLoader.load(StoredSpaceProvider.class)) {
            Optional<SearchSpace> space = provider.space(name, evaluatorOptions);
            if (space.isPresent()) {
                return space;
            }
        }
        return Optional.empty();
    }
}
