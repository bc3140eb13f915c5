package io.archforge.torch.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.MacroSpace;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.net.MacroNetworkBuilder;
import io.archforge.torch.train.Batches;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.Trainer;
import io.archforge.torch.train.TrainingRecipe;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on a small macro network trained for real on 1,200 images of the shipped
 * Fashion-MNIST subset, measured on 300 held-out images.
 */
class RobustAccuracyTest {

    /** One block per stage, 16 channels: about two seconds of training. */
    static final String SMALL = "s1.depth=1,s1.width=16,s1.kernel=3,s1.expansion=1,"
            + "s1.residual=off,s2.depth=1,s2.width=16,s2.kernel=3,s2.expansion=1,"
            + "s2.residual=off,s3.depth=1,s3.width=16,s3.kernel=3,s3.expansion=1,"
            + "s3.residual=off";
    private static final TrainingRecipe RECIPE =
            new TrainingRecipe(2, 16, 1_200, 300, 0.05f, 0.9f, 5e-4f);
    private static final long SEED = 7;
    private static final float ROUNDING = 1e-6f;

    private static NDManager manager;
    private static SequentialBlock network;
    private static ImageDataset validation;
    private static double cleanAccuracy;

    @BeforeAll
    static void train() {
        DjlRuntime.setThreads(1);
        ImageDataset images = DataSources.shippedFashionMnistSubset().train();
        DataSplit split = DataSplit.carve(images, RECIPE.validationImages(),
                RECIPE.trainImages(), 0);
        validation = split.validation();
        manager = DjlRuntime.engine().newBaseManager();
        network = new MacroNetworkBuilder(10, 2).build(MacroSpace.create().parse(SMALL));
        Trainer.initialize(network, manager, new Shape(1, 1, 28, 28), SEED);
        cleanAccuracy = new Trainer(RECIPE).fit(network, manager, split, SEED,
                EvaluationContext.detached(SEED)).accuracy();
    }

    @AfterAll
    static void release() {
        manager.close();
    }

    private static double accuracyUnder(Attack attack, long seed) {
        return new RobustAccuracy(attack).measure(network, manager, validation, seed,
                EvaluationContext.detached(seed));
    }

    @Test
    void trainedNetworkBeatsChance() {
        // Ten classes: chance is 10 %.
        assertThat(cleanAccuracy).isGreaterThan(60.0);
    }

    @Test
    void zeroEpsilonGivesCleanAccuracy() {
        assertThat(accuracyUnder(new Attack.Fgsm(0), 1)).isEqualTo(cleanAccuracy);
        assertThat(accuracyUnder(new Attack.GaussianNoise(0), 1)).isEqualTo(cleanAccuracy);
        assertThat(accuracyUnder(new Attack.Pgd(0, 3), 1)).isEqualTo(cleanAccuracy);
    }

    @Test
    void zeroEpsilonMatchesTrainerAccuracy() {
        double trainer = Trainer.accuracy(network, manager, new ParameterStore(manager, false),
                validation, EvaluationContext.detached(1));

        assertThat(accuracyUnder(new Attack.Fgsm(0), 1)).isEqualTo(trainer);
    }

    @Test
    void fgsmLowersAccuracy() {
        double fgsm = accuracyUnder(new Attack.Fgsm(0.1), 1);

        assertThat(fgsm).isLessThan(cleanAccuracy - 10);
    }

    @Test
    void pgdIsNotWeakerThanFgsm() {
        double fgsm = accuracyUnder(new Attack.Fgsm(0.1), 1);
        double pgd = accuracyUnder(new Attack.Pgd(0.1, 10), 1);

        // PGD searches the ball FGSM steps into once; one image in 300 is 0.33 points.
        assertThat(pgd).isLessThanOrEqualTo(fgsm + 1.0);
    }

    @Test
    void noiseCostsLessThanFgsm() {
        double noise = accuracyUnder(new Attack.GaussianNoise(0.1), 1);
        double fgsm = accuracyUnder(new Attack.Fgsm(0.1), 1);

        assertThat(noise).isGreaterThan(fgsm);
    }

    @Test
    void sameSeedRepeats() {
        for (Attack attack : List.of(new Attack.GaussianNoise(0.2), new Attack.Pgd(0.1, 2))) {
            assertThat(accuracyUnder(attack, 3)).as(attack.name())
                    .isEqualTo(accuracyUnder(attack, 3));
        }
    }

    @Test
    void perturbedPixelsStayInBounds() {
        List<Attack> attacks = List.of(new Attack.Fgsm(0.1), new Attack.Pgd(0.1, 5),
                new Attack.Brightness(0.1), new Attack.Contrast(0.1));
        try (NDManager batch = manager.newSubManager()) {
            NDArray pixels = PixelScale.pixels(batch, validation, 0, 50);
            NDArray labels = PixelScale.labels(batch, validation, 0, 50);
            for (Attack attack : attacks) {
                NDArray perturbed = new Perturber(attack, network, 10)
                        .perturb(pixels, labels, new SplittableRandom(1));

                float change = perturbed.sub(pixels).abs().max().getFloat();
                assertThat(change).as("%s change", attack.name())
                        .isLessThanOrEqualTo(0.1f + ROUNDING);
                assertThat(change).as("%s change", attack.name()).isPositive();
                assertThat(perturbed.min().getFloat()).as(attack.name())
                        .isGreaterThanOrEqualTo(0f);
                assertThat(perturbed.max().getFloat()).as(attack.name())
                        .isLessThanOrEqualTo(1f);
            }
        }
    }

    @Test
    void noiseStaysInUnitRange() {
        try (NDManager batch = manager.newSubManager()) {
            NDArray pixels = PixelScale.pixels(batch, validation, 0, 50);
            NDArray labels = PixelScale.labels(batch, validation, 0, 50);

            NDArray noisy = new Perturber(new Attack.GaussianNoise(0.5), network, 10)
                    .perturb(pixels, labels, new SplittableRandom(1));

            assertThat(noisy.min().getFloat()).isEqualTo(0f);
            assertThat(noisy.max().getFloat()).isEqualTo(1f);
            assertThat(noisy.sub(pixels).abs().mean().getFloat()).isGreaterThan(0.1f);
        }
    }

    @Test
    void fgsmStepRaisesLoss() {
        try (NDManager batch = manager.newSubManager()) {
            NDArray pixels = PixelScale.pixels(batch, validation, 0, 100);
            NDArray labels = PixelScale.labels(batch, validation, 0, 100);
            InputGradients gradients = new InputGradients(network, batch, 10);
            NDArray perturbed = new Perturber(new Attack.Fgsm(0.02), network, 10)
                    .perturb(pixels, labels, new SplittableRandom(1));

            float clean = gradients.loss(pixels, labels);
            float attacked = gradients.loss(perturbed, labels);

            assertThat(attacked).isGreaterThan(clean);
        }
    }

    @Test
    void networkInputMatchesTrainingInput() {
        try (NDManager batch = manager.newSubManager()) {
            NDArray training = new Batches(validation, 64, 0).range(batch, 0, 64);

            NDArray input = PixelScale.networkInput(PixelScale.pixels(batch, validation, 0, 64));

            assertThat(input.toFloatArray()).containsExactly(training.toFloatArray());
        }
    }

    @Test
    void parametersTrackGradientsAgain() {
        try (NDManager batch = manager.newSubManager()) {
            NDArray pixels = PixelScale.pixels(batch, validation, 0, 10);
            NDArray labels = PixelScale.labels(batch, validation, 0, 10);

            new Perturber(new Attack.Fgsm(0.1), network, 10)
                    .perturb(pixels, labels, new SplittableRandom(1));

            for (Parameter parameter : network.getParameters().values()) {
                if (parameter.requiresGradient()) {
                    assertThat(parameter.getArray().hasGradient()).as(parameter.getName())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void measurementFreesBatchArrays() {
        int before = manager.getManagedArrays().size();

        accuracyUnder(new Attack.Pgd(0.05, 2), 1);

        assertThat(manager.getManagedArrays()).hasSize(before);
    }

    @Test
    void pgdStepSizeFollowsEpsilon() {
        assertThat(new Attack.Pgd(0.1, 10).stepSize()).isCloseTo(0.025, within(1e-12));
        assertThat(new Attack.Pgd(0.1, 10).attributes()).containsEntry("attack", "pgd")
                .containsEntry("attack_epsilon", "0.1").containsEntry("attack_steps", "10");
    }
}
