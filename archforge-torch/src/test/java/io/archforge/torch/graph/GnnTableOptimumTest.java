package io.archforge.torch.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.archforge.space.Architecture;
import io.archforge.space.GnnSpace;
import io.archforge.space.NasBenchGraphSpace;
import io.archforge.torch.train.DjlRuntime;
import org.junit.jupiter.api.Test;

class GnnTableOptimumTest {

    private static final int EPOCHS = 100;

    /** Holds the Cora row of NAS-Bench-Graph with the best validation accuracy, 81.93 %. */
    private static final String TABLE_OPTIMUM = "links=0123,op1=fc,op2=gat,op3=fc,op4=gin";

    @Test
    void coraTableOptimumTrainsWell() {
        GraphData cora = PlanetoidDatasets.bundled("cora");
        Architecture optimum = GnnSpace.fromNasBenchGraph(
                NasBenchGraphSpace.create().parse(TABLE_OPTIMUM));
        GnnTrainingResult result;
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            GraphTensors graph = GraphTensors.of(cora, manager);
            result = new GnnTrainer(graph, GnnTrainingSettings.standard().withEpochs(EPOCHS))
                    .train(optimum, manager, 0, (epoch, valid) -> { });
        }

        // This run reaches 71.4 % valid and 71.9 % test, still rising. Without the
        // standardised inner layers it stays below 51 % valid over 200 epochs.
        assertThat(result.validAccuracy()).isGreaterThan(65);
        assertThat(result.testAccuracy()).isGreaterThan(65);
    }
}
