package io.archforge.app.domain;

import io.archforge.app.domain.command.CommandDomain;
import io.archforge.app.domain.forecast.ForecastDomain;
import io.archforge.app.domain.graph.GnnDomain;
import io.archforge.app.domain.graph.NasBenchGraphDomain;
import io.archforge.app.domain.hwgpt.HwGptDomain;
import io.archforge.app.domain.text.TextDomain;
import io.archforge.app.setup.DatasetSpec;
import java.util.List;
import java.util.Optional;

/** The registered domains, found by the command line that names them or by evaluator name. */
public final class Domains {

    private static final List<Domain> ALL = List.of(new NasBenchGraphDomain(),
            new GnnDomain(), new ForecastDomain(), new TextDomain(), new HwGptDomain(),
            new CommandDomain());

    private Domains() {
    }

    /** Returns every registered domain. */
    public static List<Domain> all() {
        return ALL;
    }

    /** Returns the domain that the command line in {@code request} names, if any. */
    public static Optional<Domain> claiming(DomainRequest request) {
        return ALL.stream().filter(domain -> domain.claims(request)).findFirst();
    }

    /** Returns the domain whose studies store evaluator name {@code evaluator}, if any. */
    public static Optional<Domain> byEvaluator(String evaluator) {
        return ALL.stream().filter(domain -> domain.evaluator().equals(evaluator)).findFirst();
    }

    /**
     * Returns the domain of a data set built by one of the registered domains.
     *
     * @throws IllegalStateException when no registered domain has its evaluator name
     */
    public static Domain of(DatasetSpec.Domain spec) {
        return byEvaluator(spec.evaluator()).orElseThrow(() -> new IllegalStateException(
                "no domain registered for evaluator '" + spec.evaluator() + "'"));
    }
}
