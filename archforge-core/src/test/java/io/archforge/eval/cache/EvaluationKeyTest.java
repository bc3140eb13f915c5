package io.archforge.eval.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.fidelity.Fidelity;
import io.archforge.space.Architecture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluationKeyTest {

    private static final EvaluationKey KEY =
            new EvaluationKey("nb201:abc", "nb201?dataset=cifar10", "full", 0);

    @Test
    void digestIsStable() {
        // SHA-256 of "9:nb201:abc21:nb201?dataset=cifar104:full0", computed with sha256sum;
        // stored entries are found by this digest, so it must never change.
        assertThat(KEY.digest())
                .isEqualTo("38ca8354cf90702b21797f152e22c90909a325bd64ad7ea786b30b6e0e169d8d");
    }

    @Test
    void digestSeparatesEveryField() {
        List<EvaluationKey> others = List.of(
                new EvaluationKey("nb201:abd", "nb201?dataset=cifar10", "full", 0),
                new EvaluationKey("nb201:abc", "nb201?dataset=cifar100", "full", 0),
                new EvaluationKey("nb201:abc", "nb201?dataset=cifar10", "epochs:12", 0),
                new EvaluationKey("nb201:abc", "nb201?dataset=cifar10", "full", 1),
                // The same characters split differently between two fields.
                new EvaluationKey("nb201:ab", "cnb201?dataset=cifar10", "full", 0));

        for (EvaluationKey other : others) {
            assertThat(other.digest()).as(other.toString()).isNotEqualTo(KEY.digest());
        }
        assertThat(new EvaluationKey("nb201:abc", "nb201?dataset=cifar10", "full", 0).digest())
                .isEqualTo(KEY.digest());
    }

    @Test
    void builtFromArchitectureAndContext() {
        Architecture cell = CountingCellEvaluator.NB201.parse(
                "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|");
        CountingCellEvaluator seeded = new CountingCellEvaluator(false, true);
        CountingCellEvaluator unseeded = new CountingCellEvaluator(false, false);

        EvaluationKey full = EvaluationKey.of(cell, seeded, "f", new FixedContext(42));
        EvaluationKey twelve = EvaluationKey.of(cell, unseeded, "f",
                new FixedContext(42, Optional.of(Fidelity.epochs(12))));

        assertThat(full.architectureKey()).isEqualTo("nb201:" + cell.isomorphismKey());
        assertThat(full.fidelity()).isEqualTo(EvaluationKey.FULL_FIDELITY);
        assertThat(full.seed()).isEqualTo(42);
        assertThat(twelve.fidelity()).isEqualTo("epochs:12");
        assertThat(twelve.seed()).isZero();
    }

    @Test
    void blankFieldRejected() {
        assertThatThrownBy(() -> new EvaluationKey(" ", "f", "full", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("architectureKey");
        assertThatThrownBy(() -> new EvaluationKey("a", "f", null, 0))
                .isInstanceOf(NullPointerException.class);
    }
}
