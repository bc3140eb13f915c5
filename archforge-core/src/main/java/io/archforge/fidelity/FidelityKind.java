package io.archforge.fidelity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The unit of a fidelity: training epochs, or the fraction of the training data used. */
public enum FidelityKind {
    /** Training epochs; a tabular benchmark's epoch settings count as epochs too. */
    EPOCHS("epochs"),
    /** The fraction of the training set used, in (0, 1]. */
    DATA_FRACTION("data_fraction");

    private final String label;

    FidelityKind(String label) {
        this.label = label;
    }

    /** Returns the name used on the command line and in stored attributes. */
    public String label() {
        return label;
    }

    /**
     * The kind named {@code label}.
     *
     * @throws IllegalArgumentException naming the allowed labels when none matches
     */
    public static FidelityKind parse(String label) {
        String requested = label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.label.equals(requested))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fidelity kind '" + label
                        + "'; choose one of " + Arrays.stream(values()).map(FidelityKind::label)
                                .collect(Collectors.joining(", "))));
    }
}
