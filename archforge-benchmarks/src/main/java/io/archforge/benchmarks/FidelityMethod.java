package io.archforge.benchmarks;

import io.archforge.schedule.Scheduler;
import io.archforge.schedule.Schedulers;
import io.archforge.strategy.RandomSearch;
import io.archforge.strategy.Strategies;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A search method of the multi-fidelity benchmark: a strategy, alone at full fidelity
 * or under a scheduler. Written {@code STRATEGY}, {@code SCHEDULER} (with the
 * scheduler's own strategy, or random search) or {@code STRATEGY/SCHEDULER}, such as
 * {@code evolution}, {@code hyperband}, {@code bohb} or {@code evolution/asha}. Scheduler
 * options follow an {@code @}, separated by {@code ;}, as in {@code bohb@eta=5}.
 *
 * @param label the name as written
 * @param strategy the strategy name
 * @param scheduler the scheduler name, or empty for full fidelity only
 * @param options the scheduler's options
 */
public record FidelityMethod(String label, String strategy, Optional<String> scheduler,
        Map<String, String> options) {

    public FidelityMethod {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(scheduler, "scheduler");
        options = Map.copyOf(options);
    }

    /**
     * Parses a method name.
     *
     * @throws IllegalArgumentException naming the unknown part and the valid names
     */
    public static FidelityMethod parse(String text) {
        String label = text.strip();
        int at = label.indexOf('@');
        String method = at < 0 ? label : label.substring(0, at);
        Map<String, String> options = at < 0 ? Map.of() : options(label.substring(at + 1));
        int slash = method.indexOf('/');
        if (slash >= 0) {
            String strategy = method.substring(0, slash);
            String scheduler = method.substring(slash + 1);
            check(strategy, scheduler, options);
            return new FidelityMethod(label, strategy, Optional.of(scheduler), options);
        }
        if (Schedulers.names().contains(method)) {
            Scheduler scheduler = Schedulers.create(method, options);
            String strategy = Schedulers.strategyFor(scheduler).orElse(RandomSearch.NAME);
            return new FidelityMethod(label, strategy, Optional.of(method), options);
        }
        if (Strategies.names().contains(method) && options.isEmpty()) {
            return new FidelityMethod(label, method, Optional.empty(), options);
        }
        throw new IllegalArgumentException("unknown method '" + label + "': give a strategy ("
                + String.join(", ", Strategies.names()) + "), a scheduler ("
                + String.join(", ", Schedulers.names()) + ") or STRATEGY/SCHEDULER");
    }

    private static Map<String, String> options(String text) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("scheduler option '" + pair
                        + "' is not KEY=VALUE, as in bohb@eta=5");
            }
            options.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return options;
    }

    private static void check(String strategy, String scheduler, Map<String, String> options) {
        if (!Strategies.names().contains(strategy)) {
            throw new IllegalArgumentException("unknown strategy '" + strategy + "'; valid strategies are "
                    + Strategies.names());
        }
        Scheduler created = Schedulers.create(scheduler, options);
        Optional<String> own = Schedulers.strategyFor(created);
        if (own.isPresent() && !own.get().equals(strategy)) {
            throw new IllegalArgumentException("scheduler " + scheduler + " proposes with " + own.get()
                    + ", not " + strategy);
        }
    }

    /** Creates the scheduler with default options, if there is one. */
    public Optional<Scheduler> createScheduler() {
        return scheduler.map(name -> Schedulers.create(name, options));
    }
}
