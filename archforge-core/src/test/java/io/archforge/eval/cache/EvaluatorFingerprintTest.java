package io.archforge.eval.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorFingerprintTest {

    @Test
    void optionsSortedByKey() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("dataset", "cifar10");
        forward.put("device", "pixel3");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("device", "pixel3");
        backward.put("dataset", "cifar10");

        assertThat(EvaluatorFingerprint.of("nb201", forward))
                .isEqualTo("nb201?dataset=cifar10&device=pixel3")
                .isEqualTo(EvaluatorFingerprint.of("nb201", backward));
    }

    @Test
    void separatorsInValuesEscaped() {
        String joined = EvaluatorFingerprint.of("train", Map.of("a", "1&b=2"));
        String split = EvaluatorFingerprint.of("train", Map.of("a", "1", "b", "2"));

        assertThat(joined).isNotEqualTo(split);
        assertThat(joined).isEqualTo("train?a=1%26b%3D2");
    }

    @Test
    void noOptions() {
        assertThat(EvaluatorFingerprint.of("nb201", Map.of())).isEqualTo("nb201?");
    }

    @Test
    void blankNameRejected() {
        assertThatThrownBy(() -> EvaluatorFingerprint.of(" ", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evaluator name");
    }
}
