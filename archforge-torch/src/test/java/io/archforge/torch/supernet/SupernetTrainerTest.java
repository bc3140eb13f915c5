package io.archforge.torch.supernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.torch.nb201.Nb201Skeleton;
import org.junit.jupiter.api.Test;

class SupernetTrainerTest {

    private static final SupernetTraining ONE_EPOCH =
            new SupernetTraining(1, 64, 0.1f, 0.9f, 5e-4f, PathSampling.UNIFORM);

    @Test
    void sameSeedRepeats() {
        SupernetTrainingResult first = train(ONE_EPOCH, 21);
        SupernetTrainingResult second = train(ONE_EPOCH, 21);

        assertThat(first.steps()).isEqualTo(5);
        assertThat(second.epochLosses()).isEqualTo(first.epochLosses());
        assertThat(first.epochStageLosses()).isEmpty();
    }

    @Test
    void fairTrainingLowersLoss() {
        SupernetTrainingResult result = train(ONE_EPOCH.withEpochs(2)
                .withSampling(PathSampling.FAIR), 4);

        assertThat(result.epochLosses()).hasSize(2);
        assertThat(result.finalLoss()).isLessThan(result.epochLosses().get(0));
        assertThat(result.finalLoss()).isLessThan(Math.log(10));
    }

    @Test
    void stopRequestEndsTraining() {
        try (Nb201Supernet supernet = Nb201Supernet.create(SmallData.INPUT,
                Nb201Skeleton.SEARCH, 1)) {
            SupernetTrainer trainer = new SupernetTrainer(ONE_EPOCH);

            assertThatThrownBy(() -> trainer.train(supernet, SmallData.split(), 1,
                    new TestContext(2)))
                    .isInstanceOf(EvaluationInterruptedException.class)
                    .hasMessageContaining("step 2");
        }
    }

    private static SupernetTrainingResult train(SupernetTraining settings, long seed) {
        try (Nb201Supernet supernet = Nb201Supernet.create(SmallData.INPUT,
                Nb201Skeleton.SEARCH, seed)) {
            return new SupernetTrainer(settings).train(supernet, SmallData.split(), seed,
                    new TestContext());
        }
    }
}
