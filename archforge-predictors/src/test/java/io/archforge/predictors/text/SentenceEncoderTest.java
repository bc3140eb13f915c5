package io.archforge.predictors.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.encoding.Encoder;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.MacroSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SentenceEncoderTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final Architecture CELL = NB201.parse("|nor_conv_3x3~0|"
            + "+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|");

    @Test
    void embeddingHas384Features() {
        Encoder encoder = TextEncoding.encoder(NB201);

        assertThat(encoder.dimension()).isEqualTo(384);
        assertThat(encoder.encode(CELL)).hasSize(384);
    }

    @Test
    void embeddingHasUnitLength() {
        Encoder encoder = TextEncoding.encoder(NB201);

        for (long seed = 0; seed < 5; seed++) {
            double[] embedding = encoder.encode(NB201.sample(new SplittableRandom(seed)));
            assertThat(norm(embedding)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void equalArchitecturesGiveEqualEmbeddings() {
        Architecture copy = NB201.parse(CELL.text());
        double[] first = TextEncoding.encoder(NB201).encode(CELL);
        double[] second = TextEncoding.encoder(NB201).encode(copy);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentCellsGiveDifferentEmbeddings() {
        Encoder encoder = TextEncoding.encoder(NB201);
        Architecture otherOperations = NB201.parse("|nor_conv_1x1~0|"
                + "+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|");
        // The operations of CELL, with those on edges 0->3 and 1->3 swapped.
        Architecture rewired = NB201.parse("|nor_conv_3x3~0|"
                + "+|nor_conv_3x3~0|avg_pool_3x3~1|+|nor_conv_3x3~0|skip_connect~1|skip_connect~2|");
        double[] embedding = encoder.encode(CELL);

        assertThat(distance(embedding, encoder.encode(otherOperations))).isGreaterThan(1e-3);
        assertThat(distance(embedding, encoder.encode(rewired))).isGreaterThan(1e-3);
    }

    @Test
    void oneChangedEdgeStaysCloserThanAllChanged() {
        Encoder encoder = TextEncoding.encoder(NB201);
        Architecture convolutions = NB201.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|"
                + "+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");
        Architecture oneChanged = NB201.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|"
                + "+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_1x1~2|");
        Architecture allChanged = NB201.parse("|avg_pool_3x3~0|+|avg_pool_3x3~0|avg_pool_3x3~1|"
                + "+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|");
        double[] base = encoder.encode(convolutions);

        assertThat(distance(base, encoder.encode(oneChanged)))
                .isLessThan(distance(base, encoder.encode(allChanged)));
    }

    @Test
    void encodeReturnsNewArray() {
        Encoder encoder = TextEncoding.encoder(NB201);
        double[] first = encoder.encode(CELL);
        double[] expected = first.clone();
        first[0] = 42;

        assertThat(encoder.encode(CELL)).isEqualTo(expected);
    }

    @Test
    void encodeAllMatchesEncode() {
        SentenceEncoder batch = new SentenceEncoder(NB201);
        SentenceEncoder single = new SentenceEncoder(new ArchitectureDescriber(NB201), 0);
        List<Architecture> cells = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 4; i++) {
            cells.add(NB201.sample(random));
        }
        cells.add(cells.get(0));

        List<double[]> encodings = batch.encodeAll(cells);

        assertThat(encodings).hasSize(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            assertThat(encodings.get(i)).isEqualTo(single.encode(cells.get(i)));
        }
    }

    @Test
    void concurrentCallersGetEqualEmbeddings() throws Exception {
        SentenceEncoder shared = new SentenceEncoder(new ArchitectureDescriber(NB201), 2);
        List<Architecture> cells = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 4; i++) {
            cells.add(NB201.sample(random));
        }
        List<double[]> expected = new SentenceEncoder(NB201).encodeAll(cells);

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<double[]>>> results = new ArrayList<>();
            for (int caller = 0; caller < 3; caller++) {
                results.add(pool.submit(() -> cells.stream().map(shared::encode).toList()));
            }
            for (Future<List<double[]>> result : results) {
                List<double[]> encodings = result.get();
                for (int i = 0; i < cells.size(); i++) {
                    assertThat(encodings.get(i)).isEqualTo(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void macroArchitecturesAreEncoded() {
        Encoder encoder = TextEncoding.encoder(MacroSpace.create());
        SplittableRandom random = new SplittableRandom(9);

        double[] first = encoder.encode(MacroSpace.create().sample(random));
        double[] second = encoder.encode(MacroSpace.create().sample(random));

        assertThat(norm(first)).isCloseTo(1.0, within(1e-5));
        assertThat(distance(first, second)).isGreaterThan(1e-3);
    }

    @Test
    void architectureOfAnotherSpaceIsRejected() {
        Encoder encoder = TextEncoding.encoder(NB201);
        Architecture network = MacroSpace.create().sample(new SplittableRandom(2));

        assertThatThrownBy(() -> encoder.encode(network))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nb201");
    }

    @Test
    void negativeCacheCapacityIsRejected() {
        ArchitectureDescriber describer = new ArchitectureDescriber(NB201);

        assertThatThrownBy(() -> new SentenceEncoder(describer, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void partsAverageToUnitLength() {
        float[] first = {1, 0, 0};
        float[] second = {0, 1, 0};

        float[] mean = SentenceEncoder.meanDirection(List.of(first, second));

        float half = (float) Math.sqrt(0.5);
        assertThat(mean).containsExactly(new float[] {half, half, 0}, within(1e-6f));
    }

    @Test
    void oppositePartsAverageToZero() {
        float[] mean = SentenceEncoder.meanDirection(
                List.of(new float[] {0, 1}, new float[] {0, -1}));

        assertThat(mean).containsExactly(0f, 0f);
    }

    private static double norm(double[] vector) {
        double sum = 0;
        for (double value : vector) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
