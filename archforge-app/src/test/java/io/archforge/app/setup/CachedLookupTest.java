package io.archforge.app.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Protocol;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.eval.cache.CachingEvaluator;
import io.archforge.fidelity.Fidelity;
import io.archforge.space.Architecture;
import io.archforge.store.jdbc.JdbcStorage;
import io.archforge.store.jdbc.Storages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NAS-Bench-201 look-ups through the store's evaluation cache, counted by a wrapper
 * around the real evaluator over the shipped table.
 */
class CachedLookupTest {

    private static Nb201Table table;
    private static List<Architecture> cells;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        table = Nb201Table.load();
        SplittableRandom random = new SplittableRandom(11);
        cells = new ArrayList<>();
        while (cells.size() < 20) {
            Architecture cell = table.space().sample(random);
            if (cells.stream().noneMatch(c -> c.isomorphismKey().equals(cell.isomorphismKey()))) {
                cells.add(cell);
            }
        }
    }

    private static Counting lookups(Nb201Dataset dataset) {
        return new Counting(new Nb201Evaluator(table, dataset, Optional.empty()));
    }

    private static String fingerprint(Nb201Dataset dataset, Nb201Protocol protocol) {
        return EvaluatorFactory.fingerprint(
                new DatasetSpec.Tabular(dataset, Optional.empty(), protocol));
    }

    private JdbcStorage open() {
        return Storages.openSqlite(dir.resolve("studies.db"));
    }

    @Test
    void repeatsServedAcrossReopen() {
        Counting counting = lookups(Nb201Dataset.CIFAR10);
        String fingerprint = fingerprint(Nb201Dataset.CIFAR10, Nb201Protocol.TEST);
        List<Evaluation> direct = new ArrayList<>();
        try (JdbcStorage storage = open()) {
            CachingEvaluator caching =
                    new CachingEvaluator(counting, storage.evaluationCache(), fingerprint);
            for (int i = 0; i < cells.size(); i++) {
                direct.add(caching.evaluate(cells.get(i), new Context(i)));
                caching.evaluate(cells.get(i), new Context(i));
            }
            assertThat(counting.calls).hasValue(cells.size());
        }

        try (JdbcStorage storage = open()) {
            CachingEvaluator caching =
                    new CachingEvaluator(counting, storage.evaluationCache(), fingerprint);
            for (int i = 0; i < cells.size(); i++) {
                // Another seed: a table look-up does not depend on it.
                Evaluation served = caching.evaluate(cells.get(i), new Context(1000 + i));
                assertThat(served.attributes()).as("cell %d", i)
                        .containsEntry(CachingEvaluator.ATTRIBUTE, CachingEvaluator.HIT);
                assertThat(served.metrics().get(Nb201Evaluator.TEST_ACCURACY))
                        .isEqualTo(direct.get(i).metrics().get(Nb201Evaluator.TEST_ACCURACY));
                assertThat(served.metrics().get(Nb201Evaluator.PARAMS))
                        .isEqualTo(direct.get(i).metrics().get(Nb201Evaluator.PARAMS));
            }
            assertThat(caching.hits()).isEqualTo(cells.size());
        }
        assertThat(counting.calls).hasValue(cells.size());
    }

    @Test
    void otherDatasetOrFidelityMisses() {
        Counting cifar10 = lookups(Nb201Dataset.CIFAR10);
        Counting cifar100 = lookups(Nb201Dataset.CIFAR100);
        Architecture cell = cells.get(0);
        try (JdbcStorage storage = open()) {
            CachingEvaluator first = new CachingEvaluator(cifar10, storage.evaluationCache(),
                    fingerprint(Nb201Dataset.CIFAR10, Nb201Protocol.TEST));
            CachingEvaluator other = new CachingEvaluator(cifar100, storage.evaluationCache(),
                    fingerprint(Nb201Dataset.CIFAR100, Nb201Protocol.TEST));

            first.evaluate(cell, new Context(0));
            Evaluation short12 = first.evaluate(cell,
                    new Context(0, Optional.of(Fidelity.epochs(Nb201Evaluator.SHORT_EPOCHS))));
            Evaluation full200 = first.evaluate(cell,
                    new Context(0, Optional.of(Fidelity.epochs(Nb201Evaluator.FULL_EPOCHS))));
            Evaluation otherData = other.evaluate(cell, new Context(0));

            assertThat(cifar10.calls).hasValue(2);
            assertThat(cifar100.calls).hasValue(1);
            assertThat(short12.attributes())
                    .containsEntry(CachingEvaluator.ATTRIBUTE, CachingEvaluator.MISS);
            assertThat(full200.attributes())
                    .containsEntry(CachingEvaluator.ATTRIBUTE, CachingEvaluator.HIT);
            assertThat(otherData.attributes())
                    .containsEntry(CachingEvaluator.ATTRIBUTE, CachingEvaluator.MISS);
        }
    }

    @Test
    void fingerprintIgnoresProtocol() {
        assertThat(fingerprint(Nb201Dataset.CIFAR10, Nb201Protocol.VALID12))
                .isEqualTo(fingerprint(Nb201Dataset.CIFAR10, Nb201Protocol.TEST))
                .isNotEqualTo(fingerprint(Nb201Dataset.CIFAR100, Nb201Protocol.TEST));
        assertThat(EvaluatorFactory.fingerprint(new DatasetSpec.Tabular(Nb201Dataset.CIFAR10,
                Optional.of("pixel3")))).contains("device=pixel3");
    }

    /** Counts the calls that reach the real evaluator. */
    private static final class Counting implements Evaluator {
        final AtomicInteger calls = new AtomicInteger();
        private final Evaluator delegate;

        Counting(Evaluator delegate) {
            this.delegate = delegate;
        }

        @Override
        public Set<String> metrics() {
            return delegate.metrics();
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            calls.incrementAndGet();
            return delegate.evaluate(architecture, context);
        }

        @Override
        public boolean dependsOnSeed() {
            return delegate.dependsOnSeed();
        }

        @Override
        public Optional<io.archforge.fidelity.FidelityRange> fidelityRange() {
            return delegate.fidelityRange();
        }
    }

    /** A context with a seed and a fidelity that never asks to stop. */
    private record Context(long seed, Optional<Fidelity> fidelity) implements EvaluationContext {
        Context(long seed) {
            this(seed, Optional.empty());
        }

        @Override
        public int trialNumber() {
            return 0;
        }

        @Override
        public void report(int step, String metric, double value) {
        }

        @Override
        public boolean shouldStop() {
            return false;
        }
    }
}
