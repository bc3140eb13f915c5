package io.archforge.web.drawing;

import io.archforge.space.Architecture;
import io.archforge.space.MacroSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a macro-space network as the chain of layers it runs: the stem, every
 * inverted-bottleneck block of each stage, and the pooling classifier. The blocks
 * follow the network the training module builds for the space. The first block of
 * stages 2 and 3 has stride 2. A block adds its input to its output only when its
 * stage has the skip connection on and the block keeps the input's shape.
 */
final class MacroDrawing {

    private MacroDrawing() {
    }

    static CellDrawing of(Architecture architecture) {
        List<MacroSpace.StageSpec> stages = MacroSpace.stages(architecture);
        List<DrawnNode> nodes = new ArrayList<>();
        nodes.add(new DrawnNode(0, "input", ""));
        int channels = stages.get(0).width();
        nodes.add(new DrawnNode(1, "stem", "conv 3x3, " + channels + " ch"));
        for (int s = 0; s < stages.size(); s++) {
            MacroSpace.StageSpec stage = stages.get(s);
            for (int b = 0; b < stage.depth(); b++) {
                int stride = s > 0 && b == 0 ? 2 : 1;
                boolean residual = stage.residual() && stride == 1 && channels == stage.width();
                nodes.add(new DrawnNode(nodes.size(), "s" + (s + 1) + " block " + (b + 1),
                        blockDetail(stage, stride, residual)));
                channels = stage.width();
            }
        }
        nodes.add(new DrawnNode(nodes.size(), "classifier", "avg pool, linear"));
        nodes.add(new DrawnNode(nodes.size(), "output", ""));
        List<DrawnEdge> edges = new ArrayList<>();
        for (int i = 0; i + 1 < nodes.size(); i++) {
            edges.add(new DrawnEdge(i, i + 1, "", false));
        }
        return new CellDrawing("network", CellDrawing.Layout.CHAIN, nodes, edges);
    }

    /** Describes a block, such as {@code k5 e4, 32 ch, /2, +skip}. */
    private static String blockDetail(MacroSpace.StageSpec stage, int stride, boolean residual) {
        StringBuilder detail = new StringBuilder()
                .append('k').append(stage.kernel())
                .append(" e").append(stage.expansion())
                .append(", ").append(stage.width()).append(" ch");
        if (stride > 1) {
            detail.append(", /").append(stride);
        }
        if (residual) {
            detail.append(", +skip");
        }
        return detail.toString();
    }
}
