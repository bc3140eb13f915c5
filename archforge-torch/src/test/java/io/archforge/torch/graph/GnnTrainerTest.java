package io.archforge.torch.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.archforge.space.Architecture;
import io.archforge.space.GnnSpace;
import io.archforge.space.NasBenchGraphSpace;
import io.archforge.torch.train.DjlRuntime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GnnTrainerTest {

    @Test
    void coraTrainingBeatsChanceClearly() {
        GraphData cora = PlanetoidDatasets.bundled("cora");
        Architecture twoLayerGcn = GnnSpace.create().parse("links=0123,op1=gcn,op2=gcn,"
                + "op3=skip,op4=skip,hidden=64,aggregation=standard,dropout=0.5");
        List<Double> curve = new ArrayList<>();
        GnnTrainingResult result;
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            GraphTensors graph = GraphTensors.of(cora, manager);
            result = new GnnTrainer(graph, GnnTrainingSettings.standard().withEpochs(30))
                    .train(twoLayerGcn, manager, 1, (epoch, valid) -> curve.add(valid));
        }

        // 7 classes: chance is about 14 to 30 percent, by the largest class
        assertThat(curve).hasSize(30);
        assertThat(result.validAccuracy()).isGreaterThan(65);
        assertThat(result.testAccuracy()).isGreaterThan(65);
        assertThat(result.bestEpoch()).isBetween(1, 30);
        assertThat(result.params()).isEqualTo(1433L * 64 + 64 + 2 * (64 * 64 + 64) + 64 * 7 + 7);
        assertThat(result.latencyMs()).isPositive();
    }

    @Test
    void everyOperationTrainsTwoEpochs() {
        GraphData citeseer = PlanetoidDatasets.bundled("citeseer");
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            GraphTensors graph = GraphTensors.of(citeseer, manager);
            GnnTrainer trainer = new GnnTrainer(graph, GnnTrainingSettings.standard()
                    .withEpochs(2));
            List<String> operations = NasBenchGraphSpace.OPERATIONS;
            for (int i = 0; i < operations.size(); i++) {
                String operation = operations.get(i);
                // gin with sum, sage with mean, graph with max
                String aggregation = GnnSpace.AGGREGATIONS.get(i / 2 % 4);
                Architecture architecture = GnnSpace.create().parse("links=0112,op1="
                        + operation + ",op2=" + operation + ",op3=gcn,op4=" + operation
                        + ",hidden=32,aggregation=" + aggregation + ",dropout=0.2");
                GnnTrainingResult result = trainer.train(architecture, manager, 2,
                        (epoch, valid) -> { });
                assertThat(result.finalLoss()).as(architecture.text()).isFinite();
                assertThat(result.validAccuracy()).as(architecture.text()).isPositive();
            }
        }
    }
}
