package io.archforge.proxy;

import io.archforge.space.Architecture;
import io.archforge.strategy.AskContext;
import io.archforge.strategy.Proposal;
import io.archforge.strategy.Strategy;
import io.archforge.study.FrozenTrial;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Screens a strategy's proposals with a zero-cost proxy: for a screened trial it requests
 * {@code pool} candidates from the wrapped strategy and proposes the one the proxy
 * ranks highest, so only the top {@code 1 / pool} of what the strategy would have
 * tried is trained.
 *
 * <p>With {@code screenedTrials} set, only the study's first trials are screened: the
 * warm-up of Abdelfattah, Mehrotra, Dudziak and Lane, "Zero-Cost Proxies for
 * Lightweight NAS" (ICLR 2021), where the proxy picks evolution's initial population
 * from a larger random pool (its first trials are random draws) and the search goes on
 * unscreened. Each screened proposal stores the attribute {@code proxy_NAME} with its
 * score and {@code proxy_pool} with the number of candidates compared.
 *
 * <p>Candidates come from the wrapped strategy's {@link Strategy#propose} with the
 * same context, so they follow its random draws in order, and a replay gives the same
 * proposals. Strategies whose proposal costs much (Bayesian optimisation) pay that cost
 * {@code pool} times.
 */
public final class ProxyScreen implements Strategy {

    private final Strategy inner;
    private final ProxyFeature proxy;
    private final int pool;
    private final int screenedTrials;

    /**
     * @param inner the strategy whose proposals are screened
     * @param proxy the proxy that ranks them
     * @param pool candidates per screened proposal, at least 2
     * @param screenedTrials how many of the study's first trials are screened, or 0 for all
     * @throws IllegalArgumentException when {@code pool} is below 2 or {@code screenedTrials}
     *     is negative
     */
    public ProxyScreen(Strategy inner, ProxyFeature proxy, int pool, int screenedTrials) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        if (pool < 2 || pool > 100_000) {
            throw new IllegalArgumentException("proxy pool must be from 2 to 100000 candidates, got " + pool);
        }
        if (screenedTrials < 0) {
            throw new IllegalArgumentException("screened trials must be 0 (all) or more, got " + screenedTrials);
        }
        this.pool = pool;
        this.screenedTrials = screenedTrials;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Architecture ask(AskContext context) {
        return propose(context).architecture();
    }

    @Override
    public Proposal propose(AskContext context) {
        if (screenedTrials > 0 && context.trialNumber() >= screenedTrials) {
            return inner.propose(context);
        }
        Proposal best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (int draw = 0; draw < pool; draw++) {
            Proposal candidate = inner.propose(context);
            Architecture architecture = candidate.architecture();
            if (seen.put(architecture.isomorphismKey(), Boolean.TRUE) != null
                    || context.isEvaluated(architecture)) {
                continue;
            }
            double score;
            try {
                score = proxy.raw(architecture);
            } catch (ArithmeticException e) {
                // A candidate the proxy cannot score ranks last; training decides for it.
                score = Double.NEGATIVE_INFINITY;
            }
            if (best == null || score > bestScore) {
                // The first candidate is kept even when its score is minus infinity.
                best = candidate;
                bestScore = score;
            }
        }
        if (best == null) {
            return inner.propose(context);
        }
        Map<String, String> attributes = new LinkedHashMap<>(best.attributes());
        attributes.put("proxy_" + proxy.scorer().name(), Double.toString(bestScore));
        attributes.put("proxy_pool", Integer.toString(seen.size()));
        return new Proposal(best.architecture(), attributes);
    }

    @Override
    public void tell(FrozenTrial trial) {
        inner.tell(trial);
    }
}
