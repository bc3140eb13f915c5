package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.MacroSpace.StageSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MacroSpaceTest {

    private static final ChoiceSpace MACRO = MacroSpace.create();

    @Test
    void hasFiveChoicesPerStage() {
        assertThat(MACRO.name()).isEqualTo("macro");
        assertThat(MACRO.choiceNames()).hasSize(15).startsWith(
                "s1.depth", "s1.width", "s1.kernel", "s1.expansion", "s1.residual");
        assertThat(MACRO.choiceNames()).endsWith("s3.residual");
        assertThat(MACRO.size()).isEqualTo(216L * 216 * 216);
    }

    @Test
    void stagesReadTypedValues() {
        Architecture architecture = MACRO.parse(
                "s1.depth=1,s1.width=16,s1.kernel=3,s1.expansion=1,s1.residual=off,"
                + "s2.depth=2,s2.width=32,s2.kernel=5,s2.expansion=2,s2.residual=on,"
                + "s3.depth=3,s3.width=64,s3.kernel=3,s3.expansion=4,s3.residual=on");

        assertThat(MacroSpace.stages(architecture)).containsExactly(
                new StageSpec(1, 16, 3, 1, false),
                new StageSpec(2, 32, 5, 2, true),
                new StageSpec(3, 64, 3, 4, true));
    }

    @Test
    void samplesStayInRange() {
        SplittableRandom random = new SplittableRandom(3);
        Set<Integer> widths = new HashSet<>();

        for (int i = 0; i < 500; i++) {
            for (StageSpec stage : MacroSpace.stages(MACRO.sample(random))) {
                assertThat(stage.depth()).isBetween(1, 3);
                assertThat(stage.kernel()).isIn(3, 5);
                assertThat(stage.expansion()).isIn(1, 2, 4);
                widths.add(stage.width());
            }
        }

        assertThat(widths).containsExactlyInAnyOrder(8, 16, 24, 32, 48, 64);
    }

    @Test
    void rejectsWidthOutsideTheSet() {
        String text = MACRO.sample(new SplittableRandom(1)).text()
                .replaceFirst("s1\\.width=\\d+", "s1.width=40");

        assertThatThrownBy(() -> MACRO.parse(text))
                .isInstanceOf(ArchitectureFormatException.class)
                .hasMessageContaining("one of [8, 16, 24, 32, 48, 64]");
    }

    @Test
    void stagesRejectOtherSpaces() {
        Architecture cell = CellSpace.nb201().sample(new SplittableRandom(1));

        assertThatThrownBy(() -> MacroSpace.stages(cell))
                .hasMessageContaining("not 'macro'");
    }

    @Test
    void stageSpecValidates() {
        assertThatThrownBy(() -> new StageSpec(1, 8, 4, 1, false))
                .hasMessageContaining("kernel 4");
        assertThatThrownBy(() -> new StageSpec(0, 8, 3, 1, false))
                .hasMessageContaining("depth 0");
    }

    @Test
    void searchSpacesByName() {
        assertThat(SearchSpaces.byName("nb201")).isEqualTo(CellSpace.nb201());
        assertThat(SearchSpaces.byName("macro")).isEqualTo(MACRO);
        assertThat(SearchSpaces.names()).startsWith("nb201", "macro").contains("nb101", "nb301")
                .doesNotHaveDuplicates();
        assertThatThrownBy(() -> SearchSpaces.byName("darts"))
                .hasMessageContaining("unknown search space 'darts'")
                .hasMessageContaining(SearchSpaces.names().toString());
    }

    @Test
    void neighbourCount() {
        Architecture architecture = MACRO.sample(new SplittableRandom(2));

        // Per stage: 2 + 5 + 1 + 2 + 1 other values.
        assertThat(MACRO.neighbours(architecture)).hasSize(3 * 11);
        assertThat(List.copyOf(MACRO.neighbours(architecture))).doesNotHaveDuplicates();
    }
}
