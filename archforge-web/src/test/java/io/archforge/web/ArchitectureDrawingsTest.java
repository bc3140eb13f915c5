package io.archforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.ArchitectureFormatException;
import io.archforge.space.CellSpace;
import io.archforge.space.DartsSpace;
import io.archforge.space.MacroSpace;
import io.archforge.space.SearchSpace;
import io.archforge.web.drawing.ArchitectureDrawing;
import io.archforge.web.drawing.ArchitectureDrawings;
import io.archforge.web.drawing.CellDrawing;
import io.archforge.web.drawing.DrawnEdge;
import io.archforge.web.drawing.DrawnNode;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArchitectureDrawingsTest {

    private static final String CELL = "|nor_conv_3x3~0|+|none~0|skip_connect~1|"
            + "+|avg_pool_3x3~0|nor_conv_1x1~1|nor_conv_3x3~2|";

    @Test
    void nb201CellIsFourNodeDag() {
        ArchitectureDrawing drawing = ArchitectureDrawings.of(CellSpace.nb201(), CELL);

        assertThat(drawing.cells()).hasSize(1);
        CellDrawing cell = drawing.cells().get(0);
        assertThat(cell.layout()).isEqualTo(CellDrawing.Layout.DAG);
        assertThat(cell.nodes()).extracting(DrawnNode::label)
                .containsExactly("input", "node 1", "node 2", "output");
        assertThat(cell.edges()).extracting(e -> e.from() + "->" + e.to() + " " + e.label())
                .containsExactly("0->1 nor_conv_3x3", "0->2 none", "1->2 skip_connect",
                        "0->3 avg_pool_3x3", "1->3 nor_conv_1x1", "2->3 nor_conv_3x3");
    }

    @Test
    void zeroOperationEdgeIsInactive() {
        CellDrawing cell = ArchitectureDrawings.of(CellSpace.nb201(), CELL).cells().get(0);

        assertThat(cell.edges()).filteredOn(DrawnEdge::inactive)
                .extracting(DrawnEdge::label).containsExactly("none");
    }

    @Test
    void macroNetworkIsChainOfBlocks() {
        SearchSpace space = MacroSpace.create();
        String text = space.sample(new SplittableRandom(3)).text();
        List<MacroSpace.StageSpec> stages = MacroSpace.stages(space.parse(text));
        int blocks = stages.stream().mapToInt(MacroSpace.StageSpec::depth).sum();

        CellDrawing cell = ArchitectureDrawings.of(space, text).cells().get(0);

        assertThat(cell.layout()).isEqualTo(CellDrawing.Layout.CHAIN);
        // input, stem, the blocks, classifier, output
        assertThat(cell.nodes()).hasSize(blocks + 4);
        assertThat(cell.nodes().get(1).detail())
                .isEqualTo("conv 3x3, " + stages.get(0).width() + " ch");
        assertThat(cell.edges()).hasSize(cell.nodes().size() - 1);
        assertThat(cell.edges()).allMatch(e -> e.to() == e.from() + 1);
    }

    @Test
    void macroFirstBlockOfLaterStageHalves() {
        SearchSpace space = MacroSpace.create();
        String text = space.sample(new SplittableRandom(5)).text();
        List<MacroSpace.StageSpec> stages = MacroSpace.stages(space.parse(text));

        CellDrawing cell = ArchitectureDrawings.of(space, text).cells().get(0);

        int firstOfStage2 = 2 + stages.get(0).depth();
        assertThat(cell.nodes().get(firstOfStage2).label()).isEqualTo("s2 block 1");
        assertThat(cell.nodes().get(firstOfStage2).detail()).contains("/2")
                .doesNotContain("+skip");
    }

    @Test
    void dartsHasNormalAndReductionCells() {
        SearchSpace space = DartsSpace.create();
        String text = space.sample(new SplittableRandom(1)).text();

        ArchitectureDrawing drawing = ArchitectureDrawings.of(space, text);

        assertThat(drawing.cells()).extracting(CellDrawing::name)
                .containsExactly("normal cell", "reduction cell");
        assertThat(drawing.cells()).allMatch(c -> c.layout() == CellDrawing.Layout.DAG);
        assertThat(drawing.cells().get(0).nodes().get(0).label()).isEqualTo("input");
    }

    @Test
    void malformedArchitectureIsRejected() {
        assertThatThrownBy(() -> ArchitectureDrawings.of(CellSpace.nb201(), "|conv~0|"))
                .isInstanceOf(ArchitectureFormatException.class);
    }
}
