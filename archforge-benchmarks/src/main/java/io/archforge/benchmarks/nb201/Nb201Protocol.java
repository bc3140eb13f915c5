package io.archforge.benchmarks.nb201;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The NAS-Bench-201 metric a search optimises. Under {@link #TEST} the search reads
 * the 200-epoch test accuracy itself, as the regret plots of NASLib do. Under
 * {@link #VALID12} it reads only the 12-epoch validation accuracy, and the 200-epoch
 * test accuracy of the cell it picks is reported afterwards, as in Dong and Yang
 * (NAS-Bench-201, ICLR 2020).
 */
public enum Nb201Protocol {

    /** Search on {@code test_accuracy}, the 200-epoch test accuracy. */
    TEST("test", Nb201Evaluator.TEST_ACCURACY),

    /** Search on {@code valid_accuracy_12ep}, the 12-epoch validation accuracy. */
    VALID12("valid12", Nb201Evaluator.VALID_ACCURACY_12EP);

    private final String id;
    private final String signal;

    Nb201Protocol(String id, String signal) {
        this.id = id;
        this.signal = signal;
    }

    /** The name used on the command line and in stored studies, such as {@code valid12}. */
    public String id() {
        return id;
    }

    /** The metric the search maximises under this protocol. */
    public String signal() {
        return signal;
    }

    /**
     * Parses a protocol name.
     *
     * @throws IllegalArgumentException naming the valid protocols
     */
    public static Nb201Protocol parse(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Nb201Protocol protocol : values()) {
            if (protocol.id.equals(key)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name + "'; use " + names());
    }

    /** The protocol names, separated by {@code |}. */
    public static String names() {
        return Arrays.stream(values()).map(Nb201Protocol::id).collect(Collectors.joining("|"));
    }

    @Override
    public String toString() {
        return id;
    }
}
