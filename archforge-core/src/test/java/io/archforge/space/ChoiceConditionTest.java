package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoiceConditionTest {

    private static final List<Choice> CHOICES = List.of(
            new Choice.IntRange("depth", 0, 2, 1),
            new Choice.Categorical("first", List.of("a", "b")),
            new Choice.Categorical("second", List.of("x", "y", "z")));

    private static final ChoiceSpace SPACE = new ChoiceSpace("cond", CHOICES, List.of(
            new ChoiceCondition("first", "depth", 1),
            new ChoiceCondition("second", "depth", 2)));

    @Test
    void sizeCountsCanonicalVectors() {
        // depth 0: 1, depth 1: 2, depth 2: 2 * 3
        assertThat(SPACE.size()).isEqualTo(9);
    }

    @Test
    void inactiveChoiceTakesFirstValue() {
        Architecture architecture = SPACE.of(List.of(1, 1, 2));

        assertThat(architecture.text()).isEqualTo("depth=1,first=b,second=x");
        assertThat(SPACE.isActive(architecture, 1)).isTrue();
        assertThat(SPACE.isActive(architecture, 2)).isFalse();
    }

    @Test
    void neighboursSkipInactiveChoices() {
        Architecture root = SPACE.of(List.of(0, 1, 2));

        assertThat(SPACE.neighbours(root)).extracting(Architecture::text)
                .containsExactlyInAnyOrder("depth=1,first=a,second=x", "depth=2,first=a,second=x");
    }

    @Test
    void controllerMustBeInteger() {
        assertThatThrownBy(() -> new ChoiceSpace("bad", CHOICES,
                List.of(new ChoiceCondition("second", "first", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("controller must be an integer choice");
    }

    @Test
    void conditionedControllerIsRejected() {
        List<Choice> choices = List.of(new Choice.IntRange("a", 0, 2, 1),
                new Choice.IntRange("b", 0, 2, 1), new Choice.IntRange("c", 0, 2, 1));

        assertThatThrownBy(() -> new ChoiceSpace("bad", choices, List.of(
                new ChoiceCondition("b", "a", 1), new ChoiceCondition("c", "b", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has a condition of its own");
    }
}
