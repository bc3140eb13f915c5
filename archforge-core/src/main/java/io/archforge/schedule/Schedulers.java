package io.archforge.schedule;

import io.archforge.eval.Evaluator;
import io.archforge.fidelity.Fidelity;
import io.archforge.fidelity.FidelityKind;
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

    private static final List<String> RUNG_KEYS = List.of("eta", "min_fidelity", "fidelity");

    private Schedulers() {
    }

    /** Returns the names of the built-in schedulers. */
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
                        List.of("eta", "min_fidelity", "bracket_size", "fidelity"));
                yield new SuccessiveHalving(reader.real("eta", DEFAULT_ETA),
                        minFidelity(reader), reader.integer("bracket_size", 0), kind(reader));
            }
            case Hyperband.NAME -> {
                OptionReader reader = new OptionReader(name, options, RUNG_KEYS);
                yield new Hyperband(reader.real("eta", DEFAULT_ETA), minFidelity(reader), kind(reader));
            }
            case Asha.NAME -> {
                OptionReader reader = new OptionReader(name, options, RUNG_KEYS);
                yield new Asha(reader.real("eta", DEFAULT_ETA), minFidelity(reader), kind(reader));
            }
            case Bohb.NAME -> {
                OptionReader reader = new OptionReader(name, options, RUNG_KEYS);
                yield new Bohb(reader.real("eta", DEFAULT_ETA), minFidelity(reader), kind(reader));
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

    /**
     * Returns the default value of option {@code key} of scheduler {@code name}, as a
     * user would write it, or empty when the option has no fixed default (such as
     * {@code min_fidelity}, which follows the evaluator).
     */
    public static Optional<String> defaultOption(String name, String key) {
        Map<String, String> defaults = name.equals(PercentileStopping.NAME)
                ? Map.of("percentile", "50", "min_peers", "5", "warmup_steps", "0")
                : Map.of("eta", "3", "bracket_size", "0");
        return Optional.ofNullable(defaults.get(key));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static Optional<FidelityKind> kind(OptionReader reader) {
        return Optional.ofNullable(reader.parsed("fidelity", null, FidelityKind::parse));
    }

    private static OptionalDouble minFidelity(OptionReader reader) {
        double value = reader.real("min_fidelity", Double.NaN);
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * Returns the strategy a scheduler brings with it: BOHB proposes with {@link Tpe}. Empty for
     * the others, which run with any strategy.
     */
    public static Optional<String> strategyFor(Scheduler scheduler) {
        return scheduler instanceof Bohb ? Optional.of(Tpe.NAME) : Optional.empty();
    }

    /**
     * Returns the range a rung scheduler varies on {@code evaluator}: of the scheduler's kind when
     * it names one, else the evaluator's own.
     *
     * @throws IllegalArgumentException naming the scheduler and what the evaluator lacks
     */
    public static FidelityRange range(RungScheduler scheduler, Evaluator evaluator) {
        Optional<FidelityRange> range = scheduler.kind().isPresent()
                ? evaluator.fidelityRange(scheduler.kind().get()) : evaluator.fidelityRange();
        return range.orElseThrow(() -> new IllegalArgumentException("scheduler " + scheduler.name()
                + " needs an evaluator that runs at lower fidelities"
                + scheduler.kind().map(k -> " of " + k.label()).orElse("")
                + ", and this one has " + evaluator.fidelityRange().map(r -> "only " + r.kind().label()
                        + " (use --scheduler-option fidelity=" + r.kind().label() + ")")
                        .orElse("one fidelity only (use the median stopping rule or none)")));
    }

    /**
     * Returns the rungs a rung scheduler uses with an evaluator of fidelity range {@code range}.
     *
     * @throws IllegalArgumentException when the scheduler's minimum fidelity is outside the
     *     range, naming the value and the allowed values
     */
    public static List<Fidelity> rungs(RungScheduler scheduler, FidelityRange range) {
        if (scheduler.kind().isPresent() && scheduler.kind().get() != range.kind()) {
            throw new IllegalArgumentException("scheduler " + scheduler.name() + " varies "
                    + scheduler.kind().get().label() + " but the range is of " + range.kind().label());
        }
        OptionalDouble min = scheduler.minFidelity();
        if (min.isPresent() && !range.accepts(new Fidelity(range.kind(), min.getAsDouble()))) {
            String allowed = range.levels().isEmpty()
                    ? "a number from " + number(range.min()) + " to " + number(range.max())
                    : "one of " + String.join(", ", range.levels().stream().map(Schedulers::number).toList());
            throw new IllegalArgumentException("option min_fidelity=" + number(min.getAsDouble())
                    + " is not a fidelity of the evaluator (" + range.kind().label() + "); use " + allowed);
        }
        return range.rungs(scheduler.eta(), min);
    }
}
