package io.archforge.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.space.Architecture;
import io.archforge.space.CellPaths;
import io.archforge.space.CellSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroundTruthSampleTest {

    private static final CellSpace SPACE = CellSpace.nb201();

    @Test
    void sampleHoldsDistinctConnectedCells() {
        List<Architecture> sample = GroundTruthBenchCommand.sample(SPACE, 200, 3);
        assertThat(sample).hasSize(200);
        Set<String> classes = new HashSet<>();
        for (Architecture cell : sample) {
            assertThat(CellPaths.reachesOutput(SPACE, cell)).as(cell.text()).isTrue();
            classes.add(cell.isomorphismKey());
        }
        assertThat(classes).hasSize(200);
    }

    @Test
    void sameSeedDrawsSameCells() {
        assertThat(GroundTruthBenchCommand.sample(SPACE, 40, 0))
                .isEqualTo(GroundTruthBenchCommand.sample(SPACE, 40, 0))
                .isNotEqualTo(GroundTruthBenchCommand.sample(SPACE, 40, 1));
    }
}
