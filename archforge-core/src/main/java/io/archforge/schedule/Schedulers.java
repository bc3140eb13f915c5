package io.archforge.schedule;

import io.archforge.fidelity.Fidelity;
import io.archforge.fidelity.FidelityRange;
import io.archforge.strategy.OptionReader;
import io.archforge.strategy.Tpe;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The built-in schedulers, looked up by the name given to {@code --scheduler}. */
public final class Schedulers {

    /** The default reduction factor. */
    public static final double DEFAULT_ETA = 3;

    private static final List<String> RUNG_KEYS = List.of("eta", "min_fidelity");

    private Schedulers() {
    }

    /** The names of the built-in schedulers. */
    public static List<String> names() {
        return List.of(SuccessiveHalving.NAME, Hyperband.NAME, Asha.NAME, Bohb.NAME,
                PercentileStopping.NAME);
    }

    /**
     * Creates the scheduler named {@code name} with string options, such as
     * {@code eta=4}.
     *
     * @throws IllegalArgumentException naming the valid schedulers when there is none of
     *     that name, or naming an unknown or invalid option
     */
    public static Scheduler create(String name, Map<String, String> options) {
        return switch (name) {
            case SuccessiveHalving.NAME -> {
                OptionReader reader = new OptionReader(name, options,
                        List.of("eta", "min_fidelity", "bracket_size"));
                yield new SuccessiveHalving(reader.real("eta", DEFAULT_ETA),
                        minFidelity(reader), reader.integer("bracket_size", 0));
            }
            case Hyperband.NAME -> {
                OptionReader reader = new OptionReader(name, options, RUNG_KEYS);
                yield new Hyperband(reader.real("eta", DEFAULT_ETA), minFidelity(reader));
            }
            case Asha.NAME -> {
                OptionReader reader = new OptionReader(name, options, RUNG_KEYS);
                yield new Asha(reader.real("eta", DEFAULT_ETA), minFidelity(reader));
            }
            case Bohb.NAME -> {
                OptionReader reader = new OptionReader(name, options, RUNG_KEYS);
                yield new Bohb(reader.real("eta", DEFAULT_ETA), minFidelity(reader));
            }
            case PercentileStopping.NAME -> {
                OptionReader reader = new OptionReader(name, options,
                        List.of("percentile", "min_peers", "warmup_steps"));
                yield new PercentileStopping(reader.real("percentile", 50),
                        reader.integer("min_peers", 5), reader.integer("warmup_steps", 0));
            }
            default -> throw new IllegalArgumentException("unknown scheduler '" + name
                    + "'; valid schedulers are " + names());
        };
    }

    private static OptionalDouble minFidelity(OptionReader reader) {
        double value = reader.real("min_fidelity", Double.NaN);
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * The strategy a scheduler brings with it: BOHB proposes with {@link Tpe}. Empty for
     * the others, which run with any strategy.
     */
    public static Optional<String> strategyFor(Scheduler scheduler) {
        return scheduler instanceof Bohb ? Optional.of(Tpe.NAME) : Optional.empty();
    }

    /**
     * The rungs a rung scheduler uses with an evaluator of fidelity range {@code range}.
     *
     * @throws IllegalArgumentException when the scheduler's minimum fidelity is outside the
     *     range, naming the value and the allowed values
     */
    public static List<Fidelity> rungs(RungScheduler scheduler, FidelityRange range) {
        OptionalDouble min = scheduler.minFidelity();
        if (min.isPresent()) {
            range.check(new Fidelity(range.kind(), min.getAsDouble()));
        }
        return range.rungs(scheduler.eta(), min);
    }
}
