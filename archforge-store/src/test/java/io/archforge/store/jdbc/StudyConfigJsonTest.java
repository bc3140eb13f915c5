package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.study.Constraint;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyConfigJsonTest {

    @Test
    void roundTripIsLossless() {
        StudyConfig config = new StudyConfig("nb201 \"quoted\" é", "nb201", "train",
                Map.of("dataset", "cifar10", "data_dir", "/tmp/a b", "device", "cpu"),
                "evolution", Map.of("population", "50", "sample", "10"),
                List.of(Objective.maximize("accuracy"), Objective.minimize("latency_ms"),
                        Objective.minimize("ns:flops")),
                Long.MIN_VALUE);

        StudyConfig read = StudyConfigJson.read(StudyConfigJson.write(config));

        assertThat(read).isEqualTo(config);
        assertThat(read.objectives()).containsExactlyElementsOf(config.objectives());
    }

    @Test
    void constraintsRoundTrip() {
        StudyConfig config = StoreFixtures.study("s").withConstraints(List.of(
                Constraint.parse("latency_ms<=5@raspi4"), Constraint.parse("params<=1.25"),
                Constraint.parse("accuracy>=80")));

        String json = StudyConfigJson.write(config);

        assertThat(json).contains(
                "\"constraints\":[\"latency_ms<=5.0@raspi4\",\"params<=1.25\",\"accuracy>=80.0\"]");
        assertThat(StudyConfigJson.read(json)).isEqualTo(config);
        assertThat(StudyConfigJson.write(StoreFixtures.study("s"))).doesNotContain("constraints");
        assertThatThrownBy(() -> StudyConfigJson.read(json.replace("params<=1.25", "params<1")))
                .hasMessageContaining("params<1");
    }

    @Test
    void writesObjectivesAsStrings() {
        String json = StudyConfigJson.write(StoreFixtures.study("s"));

        assertThat(json).contains("\"objectives\":[\"accuracy:max\",\"params:min\"]");
        assertThat(json).contains("\"seed\":7");
    }

    @Test
    void equalConfigsGiveEqualText() {
        Map<String, String> options = Map.of("a", "1", "b", "2", "c", "3", "d", "4");
        StudyConfig first = new StudyConfig("s", "nb201", "nb201", options, "random", options,
                List.of(Objective.maximize("accuracy")), 1L);
        StudyConfig second = new StudyConfig("s", "nb201", "nb201", Map.copyOf(options),
                "random", Map.copyOf(options), List.of(Objective.maximize("accuracy")), 1L);

        assertThat(StudyConfigJson.write(first)).isEqualTo(StudyConfigJson.write(second));
        assertThat(StudyConfigJson.write(first)).contains("{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"");
    }

    @Test
    void missingFieldIsNamed() {
        String json = StudyConfigJson.write(StoreFixtures.study("s"))
                .replace("\"space\"", "\"x\"");

        assertThatThrownBy(() -> StudyConfigJson.read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'space'");
    }

    @Test
    void invalidJsonIsRejected() {
        assertThatThrownBy(() -> StudyConfigJson.read("{\"name\":"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid study configuration JSON");
        assertThatThrownBy(() -> StudyConfigJson.read("[1]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void badObjectiveIsRejected() {
        String json = StudyConfigJson.write(StoreFixtures.study("s"))
                .replace("accuracy:max", "accuracy:up");

        assertThatThrownBy(() -> StudyConfigJson.read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accuracy:up");
    }
}
