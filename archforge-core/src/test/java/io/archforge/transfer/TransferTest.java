package io.archforge.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TransferTest {

    private static final CellSpace SPACE = CellSpace.nb201();
    private static final Objective ACCURACY = Objective.maximize("accuracy");

    /** Scores a smooth task, where more 3x3 convolutions and fewer zero edges score higher. */
    static double task(Architecture architecture) {
        double value = 50;
        for (Number gene : architecture.genes()) {
            value += gene.intValue() == 3 ? 4 : gene.intValue() == 0 ? -3 : 0;
        }
        return value;
    }

    static FrozenTrial trial(int number, Architecture architecture, double value,
            Map<String, String> attributes) {
        return new FrozenTrial(number, TrialState.COMPLETE, architecture.text(), 0,
                Map.of("accuracy", value), List.of(), attributes, Instant.EPOCH,
                Optional.of(Instant.EPOCH), Optional.empty());
    }

    static SourceStudy source(String name, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Architecture architecture = SPACE.sample(random);
            trials.add(trial(i, architecture, task(architecture), Map.of()));
        }
        return TransferSnapshot.read(name, TransferSnapshot.write(trials, "accuracy"), SPACE,
                ACCURACY);
    }

    @Test
    void weightStartsAtPrior() {
        SourceStudy source = source("a", 80, 1);
        Transfer transfer = Transfer.of(SPACE, ACCURACY, List.of(source));

        assertThat(transfer.similarity("a").pairs()).isZero();
        assertThat(transfer.weight("a")).isEqualTo(Transfer.DEFAULT_PRIOR);
        TransferredTrial first = source.trials().get(0);
        assertThat(transfer.score(first))
                .isCloseTo(Transfer.DEFAULT_PRIOR * source.standardised(first), within(1e-12));
        List<TransferredTrial> ranked = transfer.ranked();
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(transfer.score(ranked.get(i - 1)))
                    .isGreaterThanOrEqualTo(transfer.score(ranked.get(i)));
        }
    }

    @Test
    void weightFollowsRankAgreement() {
        Transfer alike = Transfer.of(SPACE, ACCURACY, List.of(source("a", 150, 2)));
        Transfer unrelated = Transfer.of(SPACE, ACCURACY, List.of(source("a", 150, 2)));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 60; i++) {
            Architecture architecture = SPACE.sample(random);
            alike.observe(trial(i, architecture, task(architecture) * 0.5 + 10, Map.of()));
            unrelated.observe(trial(i, architecture, random.nextDouble() * 100, Map.of()));
        }

        assertThat(alike.similarity("a").pairs()).isGreaterThan(40);
        assertThat(alike.similarity("a").kendallTau()).isGreaterThan(0.4);
        assertThat(alike.weight("a")).isGreaterThan(0.6);
        assertThat(unrelated.weight("a")).isLessThan(0.25);
    }

    @Test
    void minimisedObjectivesTransferWithTheirDirection() {
        Objective loss = Objective.minimize("loss");
        List<FrozenTrial> trials = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 50; i++) {
            Architecture architecture = SPACE.sample(random);
            trials.add(new FrozenTrial(i, TrialState.COMPLETE, architecture.text(), 0,
                    Map.of("loss", -task(architecture)), List.of(), Map.of(), Instant.EPOCH,
                    Optional.of(Instant.EPOCH), Optional.empty()));
        }
        SourceStudy source = TransferSnapshot.read("l", TransferSnapshot.write(trials, "loss"),
                SPACE, loss);

        TransferredTrial best = Transfer.of(SPACE, loss, List.of(source)).ranked().get(0);
        double lowest = trials.stream().mapToDouble(t -> t.metrics().get("loss")).min()
                .orElseThrow();
        assertThat(best.value()).isEqualTo(-lowest);
    }

    @Test
    void transferredProposalsAndRepeatsLeaveTheAgreementAlone() {
        SourceStudy source = source("a", 80, 5);
        Transfer transfer = Transfer.of(SPACE, ACCURACY, List.of(source));
        Architecture seeded = source.trials().get(0).architecture();
        Architecture other = SPACE.sample(new SplittableRandom(6));

        transfer.observe(trial(0, seeded, 70, Map.of(Transfer.TRANSFERRED_FROM, "a#0")));
        transfer.observe(trial(1, other, 60, Map.of()));
        transfer.observe(trial(1, other, 60, Map.of()));
        transfer.observe(new FrozenTrial(2, TrialState.FAILED, other.text(), 0, Map.of(),
                List.of(), Map.of(), Instant.EPOCH, Optional.of(Instant.EPOCH),
                Optional.of("boom")));

        assertThat(transfer.targetCount()).isEqualTo(2);
        assertThat(transfer.similarity("a").pairs()).isEqualTo(1);
        assertThat(transfer.targetScore(70)).isGreaterThan(0);
        assertThat(transfer.targetScore(60)).isLessThan(0);
    }

    @Test
    void elitesAreTheBestThatLieApart() {
        Transfer transfer = Transfer.of(SPACE, ACCURACY, List.of(source("a", 200, 7)));
        List<TransferredTrial> elites = transfer.elites(8);
        GeneDistance distance = new GeneDistance(SPACE);

        assertThat(elites).hasSize(8);
        assertThat(elites.get(0)).isEqualTo(transfer.ranked().get(0));
        for (int i = 0; i < elites.size(); i++) {
            for (int j = i + 1; j < elites.size(); j++) {
                assertThat(distance.between(elites.get(i).architecture(),
                        elites.get(j).architecture())).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void distanceOfRealChoicesIsShareOfRange() {
        ChoiceSpace space = new ChoiceSpace("mixed", List.of(
                new Choice.Categorical("op", List.of("a", "b")),
                new Choice.FloatRange("rate", 0.001, 1, true),
                new Choice.FloatRange("dropout", 0, 0.5, false)));
        Architecture x = space.of(List.of(0, 0.001, 0.0));
        Architecture y = space.of(List.of(1, 1.0, 0.25));

        assertThat(new GeneDistance(space).between(x, y)).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void snapshotRoundTripsAndNamesAMalformedLine() {
        SourceStudy source = source("a", 30, 8);
        List<FrozenTrial> trials = new ArrayList<>();
        for (TransferredTrial t : source.trials()) {
            trials.add(trial(t.number(), t.architecture(), t.value(), Map.of()));
        }
        SourceStudy again = TransferSnapshot.read("a", TransferSnapshot.write(trials, "accuracy"),
                SPACE, ACCURACY);

        assertThat(again).isEqualTo(source);
        assertThatThrownBy(() -> TransferSnapshot.read("a", "3\t70.5\n", SPACE, ACCURACY))
                .hasMessageContaining("source study 'a', line 1");
        assertThatThrownBy(() -> TransferSnapshot.read("a", "3\t70.5\t|bad|\n", SPACE, ACCURACY))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> Transfer.of(SPACE, ACCURACY, List.of()))
                .hasMessageContaining("at least one source");
    }
}
