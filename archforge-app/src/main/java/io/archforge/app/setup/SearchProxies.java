package io.archforge.app.setup;

import io.archforge.app.cli.UsageException;
import io.archforge.benchmarks.ProxyVariant;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Proxies;
import io.archforge.eval.Evaluator;
import io.archforge.proxy.ProxyFeature;
import io.archforge.proxy.ProxyMetricEvaluator;
import io.archforge.proxy.ProxyScorer;
import io.archforge.proxy.ProxyScreen;
import io.archforge.strategy.Strategy;
import io.archforge.strategy.bo.BayesianStrategy;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.proxy.NetworkProxyScorer;
import io.archforge.torch.proxy.ProxyBatches;
import io.archforge.torch.proxy.ZeroCostProxies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A zero-cost proxy inside a search, set with {@code search --proxy}. The settings are
 * stored with the study's strategy options under the keys {@value #PROXY},
 * {@value #USE} and {@value #POOL}, so a resumed study screens the same way. The use
 * {@value #METRIC} screens nothing: it records the proxy as a metric of each trial,
 * which an objective may name. The {@code params} and {@code flops} proxies come from
 * the NAS-Bench-201 cost model and {@code synflow} from the shipped table of every
 * cell's score; the others are computed with DJL on each cell's untrained network
 * from one batch of Gaussian noise with a fixed seed.
 */
public final class SearchProxies {

    /** The strategy-option key of the proxy name. */
    public static final String PROXY = "proxy";
    /** The strategy-option key of the use: screen, warmup or surrogate. */
    public static final String USE = "proxy_use";
    /** The strategy-option key of the candidates compared per screened proposal. */
    public static final String POOL = "proxy_pool";

    /** The use that records the proxy as a metric of each trial. */
    public static final String METRIC = "metric";

    private static final int NOISE_BATCH = 64;
    private static final long PROXY_SEED = 0;

    private SearchProxies() {
    }

    /** Returns every proxy name {@code --proxy} accepts. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(Nb201Proxies.names());
        ZeroCostProxies.names().stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    /**
     * Returns the strategy options with the proxy settings added, checked.
     *
     * @throws UsageException naming the bad value and the allowed values
     */
    public static Map<String, String> withProxy(Map<String, String> strategyOptions, String strategy,
            String proxy, String use, Integer pool, DatasetSpec spec, String space) {
        if (proxy == null) {
            if (use != null || pool != null) {
                throw new UsageException("--proxy-use and --proxy-pool need --proxy; name one of "
                        + String.join(", ", names()));
            }
            return strategyOptions;
        }
        if (!names().contains(proxy)) {
            throw new UsageException("unknown --proxy '" + proxy + "': use one of " + String.join(", ", names()));
        }
        if (!(spec instanceof DatasetSpec.Tabular) || !"nb201".equals(space)) {
            throw new UsageException("--proxy " + proxy + " scores NAS-Bench-201 cells; use it with "
                    + "--benchmark nb201 and the nb201 space");
        }
        String chosenUse = use != null ? use : "screen";
        if (!ProxyVariant.USES.contains(chosenUse) && !chosenUse.equals(METRIC)) {
            throw new UsageException("invalid --proxy-use '" + chosenUse + "': use one of "
                    + String.join(", ", ProxyVariant.USES) + ", " + METRIC);
        }
        if (chosenUse.equals("surrogate")
                && !List.of("bananas", "gp-bo", "npenas").contains(strategy)) {
            throw new UsageException("--proxy-use surrogate feeds the proxy to a Bayesian surrogate; "
                    + "use --strategy bananas, gp-bo or npenas, not " + strategy);
        }
        int chosenPool = pool != null ? pool : defaultPool(chosenUse);
        if (chosenPool < 2 || chosenPool > 100_000) {
            throw new UsageException("invalid --proxy-pool " + chosenPool + ": compare 2 to 100000 candidates");
        }
        Map<String, String> options = new LinkedHashMap<>(strategyOptions);
        options.put(PROXY, proxy);
        options.put(USE, chosenUse);
        if (!chosenUse.equals(METRIC)) {
            options.put(POOL, Integer.toString(chosenPool));
        }
        return options;
    }

    private static int defaultPool(String use) {
        return use.equals("warmup") ? ProxyVariant.WARMUP_POOL : ProxyVariant.SCREEN_POOL;
    }

    /**
     * Returns the study's objectives without one on the proxy's own metric, which
     * {@link #withMetric} supplies when the proxy is used as a metric.
     */
    public static List<Objective> objectivesBeforeProxy(StudyConfig config) {
        String proxy = config.strategyOptions().get(PROXY);
        if (proxy == null || !METRIC.equals(config.strategyOptions().get(USE))) {
            return config.objectives();
        }
        return config.objectives().stream().filter(o -> !o.metric().equals(proxy)).toList();
    }

    /**
     * Returns {@code evaluator} with the proxy score added as a metric when the study
     * uses its proxy as one, or {@code evaluator} itself.
     */
    public static Evaluator withMetric(Evaluator evaluator, StudyConfig config) {
        String proxy = config.strategyOptions().get(PROXY);
        if (proxy == null || !METRIC.equals(config.strategyOptions().get(USE))) {
            return evaluator;
        }
        Nb201Dataset dataset = Nb201Dataset.parse(config.evaluatorOptions().get("dataset"));
        return new ProxyMetricEvaluator(evaluator, scorer(proxy, dataset));
    }

    /** Returns the strategy options without the proxy settings. */
    public static Map<String, String> strategyOnly(Map<String, String> options) {
        Map<String, String> rest = new LinkedHashMap<>(options);
        rest.keySet().removeAll(List.of(PROXY, USE, POOL));
        return rest;
    }

    /** Returns {@code strategy} screened or fed by the study's proxy, or itself without one. */
    public static Strategy apply(Strategy strategy, StudyConfig config) {
        String proxy = config.strategyOptions().get(PROXY);
        if (proxy == null) {
            return strategy;
        }
        if (METRIC.equals(config.strategyOptions().get(USE))) {
            return strategy;
        }
        Nb201Dataset dataset = Nb201Dataset.parse(config.evaluatorOptions().get("dataset"));
        ProxyFeature feature = new ProxyFeature(scorer(proxy, dataset));
        int pool = Integer.parseInt(config.strategyOptions().get(POOL));
        return switch (config.strategyOptions().get(USE)) {
            case "warmup" -> new ProxyScreen(strategy, feature, pool, ProxyVariant.WARMUP_TRIALS);
            case "surrogate" -> {
                ((BayesianStrategy) strategy).useProxy(feature);
                yield strategy;
            }
            default -> new ProxyScreen(strategy, feature, pool, 0);
        };
    }

    private static ProxyScorer scorer(String proxy, Nb201Dataset dataset) {
        if (Nb201Proxies.names().contains(proxy)) {
            return Nb201Proxies.scorer(Nb201Tables.shared(), dataset, proxy);
        }
        // NOTE: the scorer keeps its native memory until the process ends; a search
        // command makes one per run.
        Nb201Input input = Nb201Input.of(dataset.id());
        return new NetworkProxyScorer(ZeroCostProxies.byName(proxy),
                ProxyBatches.noise(input, NOISE_BATCH, PROXY_SEED), PROXY_SEED);
    }
}
