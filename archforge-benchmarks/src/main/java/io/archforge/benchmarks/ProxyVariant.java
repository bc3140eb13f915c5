package io.archforge.benchmarks;

import io.archforge.proxy.ProxyFeature;
import io.archforge.proxy.ProxyScorer;
import io.archforge.proxy.ProxyScreen;
import io.archforge.strategy.Strategies;
import io.archforge.strategy.Strategy;
import io.archforge.strategy.bo.BayesianStrategy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A benchmark strategy, alone or helped by a zero-cost proxy: {@code STRATEGY} or
 * {@code STRATEGY+USE:PROXY}, such as {@code evolution+warmup:synflow}. The uses:
 * <ul>
 *   <li>{@code screen}: every proposal is the proxy's best of {@value #SCREEN_POOL}
 *       candidates from the strategy;</li>
 *   <li>{@code warmup}: each of the first {@value #WARMUP_TRIALS} proposals is the best of
 *       {@value #WARMUP_POOL} candidates, 3,000 in all, as in the warm-up of Abdelfattah
 *       et al. (ICLR 2021); evolution's first 20 trials are its initial population;</li>
 *   <li>{@code surrogate}: the proxy is an extra input of a Bayesian strategy's surrogate.</li>
 * </ul>
 *
 * @param label the text as written
 * @param strategy the strategy name
 * @param use the proxy's use, or empty
 * @param proxy the proxy name, or empty
 */
public record ProxyVariant(String label, String strategy, Optional<String> use, Optional<String> proxy) {

    /** Candidates per screened proposal. */
    public static final int SCREEN_POOL = 10;
    /** Screened trials of a warm-up. */
    public static final int WARMUP_TRIALS = 20;
    /** Candidates per warm-up proposal. */
    public static final int WARMUP_POOL = 150;
    /** The uses of a proxy. */
    public static final List<String> USES = List.of("screen", "warmup", "surrogate");

    public ProxyVariant {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(strategy, "strategy");
    }

    /**
     * Parses {@code STRATEGY} or {@code STRATEGY+USE:PROXY}.
     *
     * @throws IllegalArgumentException naming the bad part and the allowed values
     */
    public static ProxyVariant parse(String text) {
        String label = text.strip();
        int plus = label.indexOf('+');
        String strategy = plus < 0 ? label : label.substring(0, plus);
        if (!Strategies.names().contains(strategy)) {
            throw new IllegalArgumentException("unknown strategy '" + strategy + "'; valid strategies are "
                    + Strategies.names());
        }
        if (plus < 0) {
            return new ProxyVariant(label, strategy, Optional.empty(), Optional.empty());
        }
        String rest = label.substring(plus + 1);
        int colon = rest.indexOf(':');
        if (colon < 0 || !USES.contains(rest.substring(0, colon)) || colon == rest.length() - 1) {
            throw new IllegalArgumentException("'" + label + "' is not STRATEGY+USE:PROXY with USE one of "
                    + USES + ", such as evolution+warmup:synflow");
        }
        return new ProxyVariant(label, strategy, Optional.of(rest.substring(0, colon)),
                Optional.of(rest.substring(colon + 1)));
    }

    /**
     * Creates the strategy, wrapped or fed by the proxy that {@code scorers} names.
     *
     * @throws IllegalArgumentException when the surrogate use meets a strategy without a
     *     surrogate, or the proxy is unknown
     */
    public Strategy create(Function<String, ProxyScorer> scorers) {
        Strategy created = Strategies.create(strategy, Map.of());
        if (use.isEmpty()) {
            return created;
        }
        ProxyFeature feature = new ProxyFeature(scorers.apply(proxy.orElseThrow()));
        return switch (use.get()) {
            case "screen" -> new ProxyScreen(created, feature, SCREEN_POOL, 0);
            case "warmup" -> new ProxyScreen(created, feature, WARMUP_POOL, WARMUP_TRIALS);
            default -> {
                if (!(created instanceof BayesianStrategy bayesian)) {
                    throw new IllegalArgumentException("'" + label + "': only the Bayesian strategies "
                            + "have a surrogate to feed a proxy to");
                }
                bayesian.useProxy(feature);
                yield bayesian;
            }
        };
    }
}
