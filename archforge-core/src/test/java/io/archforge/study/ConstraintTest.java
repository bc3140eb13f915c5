package io.archforge.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConstraintTest {

    @Test
    void parsesBoundsAndDevices() {
        Constraint latency = Constraint.parse("latency_ms<=5@raspi4");
        assertThat(latency.metric()).isEqualTo("latency_ms");
        assertThat(latency.relation()).isEqualTo(Constraint.Relation.AT_MOST);
        assertThat(latency.bound()).isEqualTo(5.0);
        assertThat(latency.device()).contains("raspi4");
        assertThat(latency.key()).isEqualTo("latency_ms@raspi4");

        Constraint params = Constraint.parse(" params <= 1.0 ");
        assertThat(params).isEqualTo(Constraint.atMost("params", 1.0));
        assertThat(params.key()).isEqualTo("params");

        assertThat(Constraint.parse("accuracy>=85.5"))
                .isEqualTo(Constraint.atLeast("accuracy", 85.5));
        assertThat(Constraint.parse("latency_ms <= 2e-1 @ titan_rtx_1").device())
                .contains("titan_rtx_1");
    }

    @Test
    void textRoundTrips() {
        for (String text : List.of("latency_ms<=5@raspi4", "params<=1.25", "accuracy>=90",
                "energy_mj<=0.003", "memory_mb>=-2")) {
            Constraint constraint = Constraint.parse(text);
            assertThat(Constraint.parse(constraint.toString())).isEqualTo(constraint);
        }
    }

    @Test
    void malformedTextRejected() {
        for (String text : List.of("latency_ms", "latency_ms<5", "latency_ms==5", "<=5",
                "latency_ms<=fast", "latency_ms<=5@", "latency_ms<=NaN", "latency_ms<=5@a b",
                "latency_ms<=", "latency_ms=<5", "latency_ms<=5d")) {
            assertThatThrownBy(() -> Constraint.parse(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + text + "'")
                    .hasMessageContaining("latency_ms<=5@raspi4");
        }
    }

    @Test
    void missingBoundIsNamed() {
        assertThatThrownBy(() -> Constraint.parse("latency_ms<=")).hasMessageContaining("bound is missing");
    }

    @Test
    void violationRelativeToBound() {
        Constraint atMost = Constraint.atMost("latency_ms", 4);
        assertThat(atMost.violation(3)).isZero();
        assertThat(atMost.violation(4)).isZero();
        assertThat(atMost.violation(5)).isEqualTo(0.25);
        assertThat(atMost.violation(Double.NaN)).isInfinite();

        Constraint atLeast = Constraint.atLeast("accuracy", 80);
        assertThat(atLeast.violation(60)).isEqualTo(0.25);
        assertThat(atLeast.isSatisfiedBy(81)).isTrue();

        Constraint zero = Constraint.atMost("skips", 0);
        assertThat(zero.violation(2)).isEqualTo(2.0);
    }

    @Test
    void totalViolationAddsUp() {
        List<Constraint> constraints = List.of(Constraint.atMost("latency_ms", 4),
                Constraint.parse("params<=2@ignored"));
        Map<String, Double> metrics = Map.of("latency_ms", 6.0, "params@ignored", 3.0);

        assertThat(Constraints.violation(metrics, constraints)).isEqualTo(1.0);
        assertThat(Constraints.violation(Map.of("latency_ms", 1.0), constraints)).isInfinite();
        assertThat(Constraints.violation(Map.of(), List.of())).isZero();
    }

    @Test
    void contradictoryBoundsRejected() {
        List<Constraint> contradictory = List.of(Constraint.atMost("latency_ms", 5),
                Constraint.atLeast("latency_ms", 10));
        assertThatThrownBy(() -> Constraints.checkConsistent(contradictory))
                .hasMessageContaining("contradictory")
                .hasMessageContaining("latency_ms>=10.0")
                .hasMessageContaining("latency_ms<=5.0");

        // Different devices do not contradict each other.
        Constraints.checkConsistent(List.of(Constraint.parse("latency_ms<=5@raspi4"),
                Constraint.parse("latency_ms>=10@pixel3"), Constraint.atLeast("params", 0.1),
                Constraint.atMost("params", 0.1)));
        assertThat(Constraint.parse("latency_ms>=10@pixel3").device()).isEqualTo(Optional.of("pixel3"));
    }

    @Test
    void deviceAfterMetricParsesAlike() {
        assertThat(Constraint.parse("memory_mb@a100<=900"))
                .isEqualTo(Constraint.parse("memory_mb<=900@a100"));
        assertThatThrownBy(() -> Constraint.parse("memory_mb@a100<=900@h100"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
