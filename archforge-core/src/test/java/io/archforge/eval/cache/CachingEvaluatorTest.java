package io.archforge.eval.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.CostMetrics;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.fidelity.Fidelity;
import io.archforge.fidelity.FidelityKind;
import io.archforge.fidelity.FidelityRange;
import io.archforge.space.Architecture;
import io.archforge.storage.StorageException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CachingEvaluatorTest {

    private static final String FINGERPRINT = EvaluatorFingerprint.of("counting", Map.of());

    private final InMemoryEvaluationCache cache = new InMemoryEvaluationCache();
    private final Architecture cell = CountingCellEvaluator.NB201.parse(
            "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|"
                    + "+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|");

    @Test
    void repeatServedWithoutEvaluating() {
        CountingCellEvaluator counting = new CountingCellEvaluator(false, true);
        CachingEvaluator caching = new CachingEvaluator(counting, cache, FINGERPRINT);

        Evaluation first = caching.evaluate(cell, new FixedContext(7));
        Evaluation second = caching.evaluate(cell, new FixedContext(7));

        assertThat(counting.calls).hasValue(1);
        assertThat(first.attributes()).containsEntry(CachingEvaluator.ATTRIBUTE, "miss");
        assertThat(first.attributes()).doesNotContainKey(CachingEvaluator.CACHED_FROM);
        assertThat(second.attributes()).containsEntry(CachingEvaluator.ATTRIBUTE, "hit");
        assertThat(second.metrics()).isEqualTo(first.metrics());
        assertThat(second.attributes()).containsEntry("seed_seen", "7");
        assertThat(Instant.parse(second.attributes().get(CachingEvaluator.CACHED_FROM)))
                .isBeforeOrEqualTo(Instant.now());
        assertThat(second.attributes())
                .containsEntry(CachingEvaluator.CACHED_ARCHITECTURE, cell.text());
        assertThat(caching.hits()).isEqualTo(1);
        assertThat(caching.misses()).isEqualTo(1);
    }

    @Test
    void entryMissingMetricIsStale() {
        CountingCellEvaluator counting = new CountingCellEvaluator(false, false);
        EvaluationKey key = EvaluationKey.of(cell, counting, FINGERPRINT, new FixedContext(3));
        cache.put(key, new Evaluation(Map.of("loss", 1.0), Map.of()));
        CachingEvaluator caching = new CachingEvaluator(counting, cache, FINGERPRINT);

        Evaluation evaluation = caching.evaluate(cell, new FixedContext(3));

        assertThat(counting.calls).hasValue(1);
        assertThat(evaluation.attributes()).containsEntry(CachingEvaluator.ATTRIBUTE, "miss");
        assertThat(evaluation.metrics()).containsKey("accuracy");
        // Entries are never replaced, so the stale one keeps being passed over.
        caching.evaluate(cell, new FixedContext(3));
        assertThat(counting.calls).hasValue(2);
    }

    @Test
    void isomorphicCellIsHit() {
        Architecture variant = isomorphicVariant();
        Architecture canonical = CountingCellEvaluator.NB201.canonical(variant);
        CountingCellEvaluator counting = new CountingCellEvaluator(false, true);
        CachingEvaluator caching = new CachingEvaluator(counting, cache, FINGERPRINT);

        caching.evaluate(variant, new FixedContext(1));
        Evaluation served = caching.evaluate(canonical, new FixedContext(1));

        assertThat(counting.calls).hasValue(1);
        assertThat(served.attributes()).containsEntry(CachingEvaluator.ATTRIBUTE, "hit");
        assertThat(served.attributes())
                .containsEntry(CachingEvaluator.CACHED_ARCHITECTURE, variant.text());
    }

    /** Returns a cell whose canonical form is another cell of its isomorphism class. */
    private static Architecture isomorphicVariant() {
        SplittableRandom random = new SplittableRandom(3);
        for (int draw = 0; draw < 10_000; draw++) {
            Architecture sampled = CountingCellEvaluator.NB201.sample(random);
            if (!CountingCellEvaluator.NB201.canonical(sampled).equals(sampled)) {
                return sampled;
            }
        }
        throw new AssertionError("no cell with another canonical form in 10,000 draws");
    }

    @Test
    void otherFidelitySeedOrFingerprintMisses() {
        CountingCellEvaluator counting = new CountingCellEvaluator(false, true);
        CachingEvaluator caching = new CachingEvaluator(counting, cache, FINGERPRINT);
        CachingEvaluator otherConfig = new CachingEvaluator(counting, cache,
                EvaluatorFingerprint.of("counting", Map.of("dataset", "other")));

        Evaluation full = caching.evaluate(cell, new FixedContext(7));
        Evaluation twelve = caching.evaluate(cell,
                new FixedContext(7, Optional.of(Fidelity.epochs(12))));
        Evaluation otherSeed = caching.evaluate(cell, new FixedContext(8));
        Evaluation otherFingerprint = otherConfig.evaluate(cell, new FixedContext(7));

        assertThat(counting.calls).hasValue(4);
        assertThat(cache.size()).isEqualTo(4);
        for (Evaluation evaluation : List.of(full, twelve, otherSeed, otherFingerprint)) {
            assertThat(evaluation.attributes()).containsEntry(CachingEvaluator.ATTRIBUTE, "miss");
        }
        assertThat(twelve.attributes()).containsEntry("fidelity_seen", "epochs:12");
        assertThat(otherSeed.attributes()).containsEntry("seed_seen", "8");
    }

    @Test
    void fidelityIsHitAtSameFidelity() {
        CountingCellEvaluator counting = new CountingCellEvaluator(false, true);
        CachingEvaluator caching = new CachingEvaluator(counting, cache, FINGERPRINT);
        FixedContext twelve = new FixedContext(7, Optional.of(Fidelity.epochs(12)));

        caching.evaluate(cell, twelve);
        Evaluation served = caching.evaluate(cell, twelve);

        assertThat(counting.calls).hasValue(1);
        assertThat(served.attributes()).containsEntry("fidelity_seen", "epochs:12");
    }

    @Test
    void maximumFidelitySharesFullEntry() {
        CountingCellEvaluator counting = new CountingCellEvaluator(false, true) {
            @Override
            public Optional<FidelityRange> fidelityRange() {
                return Optional.of(
                        FidelityRange.discrete(FidelityKind.EPOCHS, List.of(12.0, 200.0)));
            }
        };
        CachingEvaluator caching = new CachingEvaluator(counting, cache, FINGERPRINT);

        caching.evaluate(cell, new FixedContext(7));
        Evaluation served = caching.evaluate(cell,
                new FixedContext(7, Optional.of(Fidelity.epochs(200))));

        assertThat(counting.calls).hasValue(1);
        assertThat(served.attributes()).containsEntry(CachingEvaluator.ATTRIBUTE, "hit");
    }

    @Test
    void hitCostsNoTraining() {
        CountingCellEvaluator counting = new CountingCellEvaluator(false, true) {
            @Override
            public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
                Evaluation evaluation = super.evaluate(architecture, context);
                Map<String, Double> metrics = new java.util.HashMap<>(evaluation.metrics());
                metrics.put(CostMetrics.TRAINING_EPOCHS, 200.0);
                return new Evaluation(metrics, evaluation.attributes());
            }
        };
        CachingEvaluator caching = new CachingEvaluator(counting, cache, FINGERPRINT);

        Evaluation first = caching.evaluate(cell, new FixedContext(7));
        Evaluation served = caching.evaluate(cell, new FixedContext(7));

        assertThat(first.metrics()).containsEntry(CostMetrics.TRAINING_EPOCHS, 200.0);
        assertThat(served.metrics()).containsEntry(CostMetrics.TRAINING_EPOCHS, 0.0);
        assertThat(served.metrics().get("accuracy")).isEqualTo(first.metrics().get("accuracy"));
        assertThat(served.attributes())
                .containsEntry(CachingEvaluator.CACHED_TRAINING_EPOCHS, "200.0");
    }

    @Test
    void seedIgnoredWithoutSeedDependence() {
        CountingCellEvaluator counting = new CountingCellEvaluator(false, false);
        CachingEvaluator caching = new CachingEvaluator(counting, cache, FINGERPRINT);

        caching.evaluate(cell, new FixedContext(7));
        Evaluation served = caching.evaluate(cell, new FixedContext(8));

        assertThat(counting.calls).hasValue(1);
        assertThat(served.attributes()).containsEntry(CachingEvaluator.ATTRIBUTE, "hit");
        assertThat(served.attributes()).containsEntry("seed_seen", "7");
    }

    @Test
    void noisyEvaluatorBypassesCache() {
        CountingCellEvaluator counting = new CountingCellEvaluator(true, true);
        CachingEvaluator caching = new CachingEvaluator(counting, cache, FINGERPRINT);

        Evaluation first = caching.evaluate(cell, new FixedContext(7));
        caching.evaluate(cell, new FixedContext(7));

        assertThat(counting.calls).hasValue(2);
        assertThat(cache.size()).isZero();
        assertThat(first.attributes()).doesNotContainKey(CachingEvaluator.ATTRIBUTE);
        assertThat(caching.hits()).isZero();
        assertThat(caching.misses()).isZero();
    }

    @Test
    void failedEvaluationNotStored() {
        CountingCellEvaluator counting = new CountingCellEvaluator(false, true);
        FailingOnce failingOnce = new FailingOnce(counting);
        CachingEvaluator caching = new CachingEvaluator(failingOnce, cache, FINGERPRINT);

        assertThatThrownBy(() -> caching.evaluate(cell, new FixedContext(7)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cache.size()).isZero();
        Evaluation retried = caching.evaluate(cell, new FixedContext(7));

        assertThat(counting.calls).hasValue(1);
        assertThat(retried.attributes()).containsEntry(CachingEvaluator.ATTRIBUTE, "miss");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void brokenCacheStillEvaluates() {
        CountingCellEvaluator counting = new CountingCellEvaluator(false, true);
        EvaluationCache broken = new EvaluationCache() {
            @Override
            public Optional<Evaluation> get(EvaluationKey key) {
                throw new StorageException("store is closed");
            }

            @Override
            public void put(EvaluationKey key, Evaluation evaluation) {
                throw new StorageException("store is closed");
            }
        };
        CachingEvaluator caching = new CachingEvaluator(counting, broken, FINGERPRINT);

        Evaluation evaluation = caching.evaluate(cell, new FixedContext(7));

        assertThat(counting.calls).hasValue(1);
        assertThat(evaluation.metrics()).containsKey("accuracy");
        assertThat(evaluation.attributes()).containsEntry(CachingEvaluator.ATTRIBUTE, "miss");
    }

    @Test
    void forwardsEvaluatorProperties() {
        FidelityRange range = FidelityRange.continuous(FidelityKind.EPOCHS, 1, 200);
        CountingCellEvaluator counting = new CountingCellEvaluator(false, false) {
            @Override
            public Optional<FidelityRange> fidelityRange() {
                return Optional.of(range);
            }

            @Override
            public Map<String, String> describe() {
                return Map.of("benchmark", "counting");
            }
        };
        CachingEvaluator caching = new CachingEvaluator(counting, cache, FINGERPRINT);

        assertThat(caching.metrics()).isEqualTo(counting.metrics());
        assertThat(caching.isNoisy()).isFalse();
        assertThat(caching.dependsOnSeed()).isFalse();
        assertThat(caching.fidelityRange()).contains(range);
        assertThat(caching.describe()).isEqualTo(Map.of("benchmark", "counting"));
        assertThat(caching.delegate()).isSameAs(counting);
        caching.close();
        assertThat(counting.closed).isTrue();
    }

    /** Throws on its first call and forwards every later one. */
    private static final class FailingOnce extends CountingCellEvaluator {
        private final CountingCellEvaluator delegate;
        private boolean failed;

        FailingOnce(CountingCellEvaluator delegate) {
            super(false, true);
            this.delegate = delegate;
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            if (!failed) {
                failed = true;
                throw new IllegalStateException("evaluation failed");
            }
            return delegate.evaluate(architecture, context);
        }
    }
}
