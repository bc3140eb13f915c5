package io.archforge.benchmarks.tables;

import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table of the cells for which NASLib published zero-cost proxy scores, with their
 * CIFAR-10 validation accuracy in percent ({@code valid_accuracy}) and every score of
 * NASLib's file as a proxy. NASLib's files record no learning curve.
 */
abstract class NaslibZeroCostTable implements ArchitectureTable {

    private final String benchmark;
    private final ChoiceSpace space;
    private final NaslibZeroCostCsv rows;

    NaslibZeroCostTable(String benchmark, ChoiceSpace space, NaslibZeroCostCsv rows) {
        this.benchmark = benchmark;
        this.space = space;
        this.rows = rows;
    }

    @Override
    public String benchmark() {
        return benchmark;
    }

    @Override
    public String dataset() {
        return "cifar10";
    }

    @Override
    public ChoiceSpace space() {
        return space;
    }

    @Override
    public String metric() {
        return "valid_accuracy";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public List<Architecture> architectures() {
        return rows.architectures();
    }

    @Override
    public double value(Architecture architecture) {
        return rows.value(architecture);
    }

    @Override
    public Map<String, ProxyScorer> proxies() {
        return rows.proxies();
    }

    /** Returns empty: NASLib's files record no learning curve. */
    @Override
    public Optional<ProxyScorer> learningCurve() {
        return Optional.empty();
    }
}
