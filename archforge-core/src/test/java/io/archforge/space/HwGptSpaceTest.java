package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HwGptSpaceTest {

    private static final ChoiceSpace SMALL = HwGptSpace.create(HwGptSpace.Size.S);

    @Test
    void smallSpaceHasPlainChoiceNames() {
        assertThat(SMALL.name()).isEqualTo("hwgpt-s");
        assertThat(SMALL.choiceNames()).startsWith("layers", "embed", "bias", "heads_1",
                "mlp_ratio_1");
        assertThat(SMALL.choiceNames()).endsWith("heads_12", "mlp_ratio_12");
        assertThat(SMALL.choices()).hasSize(3 + 2 * 12);
    }

    @Test
    void networkCountsMatchBenchmark() {
        // 3 widths x 2 biases x (9^10 + 9^11 + 9^12) = 1.904e12, as the benchmark states.
        assertThat(HwGptSpace.networkCount(HwGptSpace.Size.S))
                .isEqualTo(BigInteger.valueOf(1_903_784_282_946L));
        assertThat(SMALL.size()).isEqualTo(1_903_784_282_946L);
        // 1.519e35 for l, as the benchmark states
        assertThat(HwGptSpace.networkCount(HwGptSpace.Size.L).toString()).hasSize(36)
                .startsWith("1518");
        assertThat(HwGptSpace.create(HwGptSpace.Size.L).size()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void inactiveLayersDoNotChangeString() {
        Architecture ten = HwGptSpace.ofColumns(HwGptSpace.Size.S, 10, 384, true,
                "4-8-12-4-8-12-4-8-12-4", "2-3-4-2-3-4-2-3-4-2");
        List<Number> genes = new ArrayList<>(ten.genes());
        int lastHeads = SMALL.indexOf("heads_12");
        genes.set(lastHeads, 2);
        genes.set(lastHeads + 1, 4);
        Architecture other = SMALL.of(genes);
        String changedText = ten.text().replace("heads_12=4", "heads_12=12")
                .replace("mlp_ratio_11=2", "mlp_ratio_11=4");

        assertThat(other).isEqualTo(ten);
        assertThat(other.text()).isEqualTo(ten.text());
        assertThat(other.isomorphismKey()).isEqualTo(ten.isomorphismKey());
        assertThat(SMALL.parse(changedText)).isEqualTo(ten);
        assertThat(SMALL.parse(changedText).text()).isEqualTo(ten.text());
    }

    @Test
    void columnsReadBack() {
        Architecture architecture = HwGptSpace.ofColumns(HwGptSpace.Size.M, 22, 1024, false,
                "8-12-16-8-12-16-8-12-16-8-12-16-8-12-16-8-12-16-8-12-16-8",
                "2-2-2-3-3-3-4-4-4-2-2-2-3-3-3-4-4-4-2-2-2-3");
        ChoiceSpace space = HwGptSpace.create(HwGptSpace.Size.M);

        assertThat(space.intValue(architecture, "layers")).isEqualTo(22);
        assertThat(space.option(architecture, "embed")).isEqualTo("1024");
        assertThat(space.option(architecture, "bias")).isEqualTo("off");
        assertThat(space.option(architecture, "heads_3")).isEqualTo("16");
        assertThat(space.intValue(architecture, "mlp_ratio_22")).isEqualTo(3);
        assertThat(space.option(architecture, "heads_23")).isEqualTo("8");
    }

    @Test
    void invalidColumnsAreRejected() {
        assertThatThrownBy(() -> HwGptSpace.ofColumns(HwGptSpace.Size.S, 10, 512, true,
                "4-4-4-4-4-4-4-4-4-4", "2-2-2-2-2-2-2-2-2-2"))
                .hasMessageContaining("512").hasMessageContaining("[192, 384, 768]");
        assertThatThrownBy(() -> HwGptSpace.ofColumns(HwGptSpace.Size.S, 11, 192, true,
                "4-4-4-4-4-4-4-4-4-4", "2-2-2-2-2-2-2-2-2-2"))
                .hasMessageContaining("11 layers");
        assertThatThrownBy(() -> HwGptSpace.sizeOf("hwgpt-xl"))
                .hasMessageContaining("hwgpt-s, hwgpt-m or hwgpt-l");
    }

    @Test
    void activeGenesMarkMissingLayers() {
        Architecture ten = HwGptSpace.ofColumns(HwGptSpace.Size.S, 10, 192, false,
                "4-4-4-4-4-4-4-4-4-4", "2-2-2-2-2-2-2-2-2-2");
        Architecture eleven = HwGptSpace.ofColumns(HwGptSpace.Size.S, 11, 192, false,
                "4-4-4-4-4-4-4-4-4-4-4", "2-2-2-2-2-2-2-2-2-2-2");
        MeasuredSpace pair = MeasuredSpace.of(SMALL, List.of(ten, eleven),
                a -> HwGptSpace.activeGenes(SMALL, a));

        assertThat(HwGptSpace.activeGenes(SMALL, ten)[SMALL.indexOf("heads_11")])
                .isEqualTo(-1);
        // layers differs, and layer 11 exists in one only: heads_11 and mlp_ratio_11
        assertThat(pair.distance(ten, eleven)).isEqualTo(3);
    }

    @Test
    void measuredSpacesHoldTenThousandRows() {
        for (HwGptSpace.Size size : HwGptSpace.Size.values()) {
            MeasuredSpace measured = HwGptMeasuredSpaces.of(size);

            assertThat(measured.size()).isEqualTo(10_000);
            assertThat(measured.name()).isEqualTo(size.spaceName());
            assertThat(measured.unrestricted()).isSameAs(HwGptSpace.create(size));
            assertThat(SearchSpaces.byName(size.spaceName())).isSameAs(measured);
        }
    }

    @Test
    void measuredSpaceProposesOnlyMembers() {
        MeasuredSpace measured = HwGptMeasuredSpaces.of(HwGptSpace.Size.S);
        SplittableRandom random = new SplittableRandom(11);
        Set<Architecture> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Architecture sampled = measured.sample(random);
            Architecture child = measured.mutate(sampled, random);
            Architecture free = SMALL.sample(random);

            assertThat(measured.contains(sampled)).isTrue();
            assertThat(measured.contains(child)).isTrue();
            assertThat(child).isNotEqualTo(sampled);
            assertThat(measured.contains(measured.project(free, random))).isTrue();
            seen.add(child);
        }
        assertThat(seen).hasSizeGreaterThan(150);
    }

    @Test
    void projectionPicksNearestMember() {
        MeasuredSpace measured = HwGptMeasuredSpaces.of(HwGptSpace.Size.S);
        SplittableRandom random = new SplittableRandom(3);
        Architecture free = SMALL.sample(random);
        Architecture projected = measured.project(free, random);
        int nearest = measured.distance(free, projected);

        for (Architecture member : measured.members()) {
            assertThat(measured.distance(free, member)).isGreaterThanOrEqualTo(nearest);
        }
    }

    @Test
    void neighboursAreNearestOtherMembers() {
        MeasuredSpace measured = HwGptMeasuredSpaces.of(HwGptSpace.Size.S);
        Architecture center = measured.members().get(42);
        List<Architecture> neighbours = measured.neighbours(center);

        assertThat(neighbours).hasSize(SMALL.neighbours(center).size());
        assertThat(neighbours).doesNotContain(center).allMatch(measured::contains);
        int farthest = measured.distance(center, neighbours.get(neighbours.size() - 1));
        long nearer = measured.members().stream().filter(m -> !m.equals(center))
                .filter(m -> measured.distance(center, m) < farthest).count();
        assertThat(nearer).isLessThanOrEqualTo(neighbours.size());
    }

    @Test
    void measuredNetworksAreFarApart() {
        MeasuredSpace measured = HwGptMeasuredSpaces.of(HwGptSpace.Size.S);
        // Over all 10,000 networks the nearest other one differs in 3 to 10 choices.
        for (int row = 0; row < measured.members().size(); row += 50) {
            Architecture center = measured.members().get(row);
            int nearest = measured.distance(center, measured.neighbours(center).get(0));

            assertThat(nearest).as("row %d", row).isBetween(3, 10);
        }
    }

    @Test
    void duplicateMembersAreRejected() {
        Architecture sampled = SMALL.sample(new SplittableRandom(1));

        assertThatThrownBy(() -> MeasuredSpace.of(SMALL, List.of(sampled, sampled),
                a -> HwGptSpace.activeGenes(SMALL, a)))
                .hasMessageContaining("same network");
    }

    @Test
    void packedDistanceMatchesPlainCount() {
        SplittableRandom random = new SplittableRandom(17);
        int[][] members = new int[50][];
        for (int m = 0; m < members.length; m++) {
            members[m] = random.ints(75, -1, 6).toArray();
        }
        FeatureCodes codes = FeatureCodes.of(members).orElseThrow();
        long[] packed = new long[codes.words() * 2];
        for (int trial = 0; trial < 200; trial++) {
            int[] a = members[random.nextInt(members.length)];
            int[] b = random.ints(75, -1, 9).toArray();
            codes.pack(a, packed, 0);
            codes.pack(b, packed, codes.words());
            int plain = 0;
            for (int i = 0; i < a.length; i++) {
                plain += a[i] == b[i] ? 0 : 1;
            }

            assertThat(codes.distance(packed, 0, packed, codes.words(), Integer.MAX_VALUE))
                    .isEqualTo(plain);
        }
        assertThat(FeatureCodes.of(new int[][] {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}}))
                .isEmpty();
    }
}
