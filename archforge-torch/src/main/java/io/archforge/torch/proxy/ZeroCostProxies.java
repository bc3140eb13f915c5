package io.archforge.torch.proxy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The zero-cost proxies by name. */
public final class ZeroCostProxies {

    private static final Map<String, ZeroCostProxy> PROXIES = new LinkedHashMap<>();

    static {
        for (ZeroCostProxy proxy : List.of(new ParamsProxy(), new FlopsProxy(),
                new SynflowProxy(), new SnipProxy(), new GradNormProxy(), new FisherProxy(),
                new GraspProxy(), new JacovProxy(), new NwotProxy())) {
            PROXIES.put(proxy.name(), proxy);
        }
    }

    private ZeroCostProxies() {
    }

    /**
     * Returns the names, data-free proxies first: params, flops, synflow, snip, grad_norm,
     * fisher, grasp, jacov, nwot.
     */
    public static List<String> names() {
        return List.copyOf(PROXIES.keySet());
    }

    /**
     * Returns the proxy called {@code name}.
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static ZeroCostProxy byName(String name) {
        Objects.requireNonNull(name, "name");
        ZeroCostProxy proxy = PROXIES.get(name);
        if (proxy == null) {
            throw new IllegalArgumentException("unknown proxy '" + name + "'; expected one of "
                    + String.join(", ", names()));
        }
        return proxy;
    }
}
