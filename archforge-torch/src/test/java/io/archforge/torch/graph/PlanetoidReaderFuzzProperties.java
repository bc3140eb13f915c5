package io.archforge.torch.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.fuzz.CleanFailures;
import io.archforge.fuzz.Deadline;
import io.archforge.fuzz.FuzzTries;
import io.archforge.fuzz.Mutations;
import io.archforge.fuzz.TempFolders;
import io.archforge.torch.data.GzipBomb;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the node and edge CSV reader of {@code --dataset graph:DIR} with generated
 * graphs, the head of the bundled Cora graph, their mutations and random text, read
 * from lines, from a graph directory and from gzipped files cut short at random. Each
 * input either reads into a graph or fails with a {@link GraphDataException} that
 * names the file.
 */
@AddLifecycleHook(FuzzTries.class)
class PlanetoidReaderFuzzProperties {

    private static final String ALPHABET = "0123456789-, \ntrainvaltesnoe\"";
    private static final String NODE_HEADER = "node,label,split,feature_indices";
    private static final List<String> SPLITS = List.of("train", "val", "test", "none", "");

    private static final Path FOLDER = TempFolders.create("archforge-graph-fuzz");

    /** How an input reaches the reader. */
    enum Channel {
        LINES, DIRECTORY, GZIP_FILE, CUT_GZIP_FILE
    }

    /** One graph as two texts; prints abbreviated in jqwik's report. */
    record GraphInput(String nodes, String edges, Channel channel) {
        @Override
        public String toString() {
            return channel + " nodes " + Mutations.abbreviate(nodes) + " edges "
                    + Mutations.abbreviate(edges);
        }
    }

    @AfterContainer
    static void deleteFolder() {
        TempFolders.deleteQuietly(FOLDER);
    }

    @Property(tries = 200)
    void fuzzedGraphReadsOrFailsCleanly(@ForAll("graphs") GraphInput input) {
        Deadline.Outcome<GraphData> outcome = Deadline.run(input.toString(),
                () -> read(input));
        CleanFailures.collect(outcome);

        if (outcome.returned()) {
            GraphData graph = outcome.value();
            assertThat(graph.nodes()).isPositive();
            assertThat(graph.classes()).isGreaterThanOrEqualTo(2);
            assertThat(graph.features()).isBetween(1, PlanetoidReader.MAX_FEATURES);
            assertThat(graph.labels()).containsExactly(writtenLabels(input.nodes()));
        } else {
            String message = CleanFailures.requireDocumented(outcome, GraphDataException.class,
                    input.toString());
            assertThat(message).containsAnyOf(PlanetoidReader.NODES_FILE,
                    PlanetoidReader.EDGES_FILE);
        }
        long size = input.nodes().length() + input.edges().length();
        CleanFailures.requireAllocatedAtMost(outcome, 200 * size + (8 << 20),
                input.toString());
    }

    @Property(tries = 4)
    void endlessLineFailsCleanly(@ForAll("prefixes") String prefix) throws IOException {
        Path file = Files.createTempDirectory(FOLDER, "endless")
                .resolve(PlanetoidReader.NODES_FILE + ".gz");
        Files.write(file, GzipBomb.repeated(prefix.getBytes(StandardCharsets.UTF_8),
                (byte) '1', 3L << 30));

        Deadline.Outcome<List<String>> outcome = Deadline.run(prefix,
                () -> PlanetoidReader.lines(file));

        String message = CleanFailures.requireDocumented(outcome, GraphDataException.class,
                prefix);
        assertThat(message).contains(PlanetoidReader.NODES_FILE).contains("longer than");
        CleanFailures.requireAllocatedAtMost(outcome, 64L << 20, prefix);
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("", NODE_HEADER + "\n", NODE_HEADER + "\n0,0,train,",
                NODE_HEADER + "\n0,0,train,1\n1,");
    }

    /**
     * Returns the labels as the node file writes them, one per line after the header, so
     * that a label the reader changed (such as 2^32 + 1 cast to 1) shows.
     */
    private static int[] writtenLabels(String nodes) {
        List<String> lines = nodes.lines().toList();
        List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::strip)
                .toList();
        int column = header.indexOf("label");
        return lines.stream().skip(1).mapToInt(line -> {
            long label = Long.parseLong(line.split(",", -1)[column].strip());
            return label == (int) label ? (int) label : Integer.MIN_VALUE;
        }).toArray();
    }

    @Provide
    Arbitrary<GraphInput> graphs() {
        Arbitrary<String[]> seeds = Arbitraries.oneOf(generated(), coraHead());
        Arbitrary<Channel> channels = Arbitraries.frequency(Tuple.of(3, Channel.LINES),
                Tuple.of(2, Channel.DIRECTORY), Tuple.of(2, Channel.GZIP_FILE),
                Tuple.of(1, Channel.CUT_GZIP_FILE));
        // 0: only the node file is mutated, 1: only the edge file, 2: both.
        return Combinators.combine(seeds, Arbitraries.of(0, 1, 2), channels).flatAs(
                        (seed, mutated, channel) -> {
                            Arbitrary<String> nodes = mutated == 1 ? Arbitraries.just(seed[0])
                                    : Mutations.around(List.of(seed[0]), ALPHABET);
                            Arbitrary<String> edges = mutated == 0 ? Arbitraries.just(seed[1])
                                    : Mutations.around(List.of(seed[1]), ALPHABET);
                            return Combinators.combine(nodes, edges).as((n, e) ->
                                    new GraphInput(n, e, channel));
                        });
    }

    /** Returns valid graphs of 2 to 20 nodes with ids that need not be consecutive. */
    private static Arbitrary<String[]> generated() {
        return Arbitraries.integers().between(2, 20).flatMap(count -> Combinators.combine(
                Arbitraries.longs().between(-1_000, 1_000_000).set().ofSize(count),
                Arbitraries.integers().between(0, 3).list().ofSize(count),
                Arbitraries.of(SPLITS).list().ofSize(count),
                Arbitraries.integers().between(0, 99).list().ofMinSize(1).ofMaxSize(5)
                        .list().ofSize(count),
                Arbitraries.integers().between(0, count - 1).list().ofSize(2)
                        .list().ofMinSize(1).ofMaxSize(3 * count))
                .as((ids, labels, splits, features, edges) -> {
                    Long[] nodeIds = ids.toArray(Long[]::new);
                    StringBuilder nodes = new StringBuilder(NODE_HEADER).append('\n');
                    for (int i = 0; i < count; i++) {
                        // Classes 0 and 1 always appear, so the labels have no gap.
                        int label = i < 2 ? i : Math.min(labels.get(i), 1);
                        nodes.append(nodeIds[i]).append(',').append(label).append(',')
                                .append(splits.get(i)).append(',');
                        features.get(i).forEach(f -> nodes.append(f).append(' '));
                        nodes.append('\n');
                    }
                    StringBuilder text = new StringBuilder("src,dst\n");
                    for (List<Integer> edge : edges) {
                        text.append(nodeIds[edge.get(0)]).append(',')
                                .append(nodeIds[edge.get(1)]).append('\n');
                    }
                    return new String[] {nodes.toString(), text.toString()};
                }));
    }

    /** Returns the first 30 nodes of the bundled Cora graph, with edges among them. */
    private static Arbitrary<String[]> coraHead() {
        String nodes = String.join("\n", bundledLines("cora_nodes.csv.gz", 31)) + "\n";
        return Arbitraries.integers().between(0, 29).list().ofSize(2).list().ofMinSize(1)
                .ofMaxSize(60)
                .map(edges -> {
                    StringBuilder text = new StringBuilder("src,dst\n");
                    for (List<Integer> edge : edges) {
                        text.append(edge.get(0)).append(',').append(edge.get(1)).append('\n');
                    }
                    return new String[] {nodes, text.toString()};
                });
    }

    private static List<String> bundledLines(String resource, int count) {
        try (InputStream raw = PlanetoidDatasets.class.getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            return reader.lines().limit(count).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GraphData read(GraphInput input) throws IOException {
        if (input.channel() == Channel.LINES) {
            return PlanetoidReader.read("fuzz", PlanetoidReader.NODES_FILE,
                    input.nodes().lines().toList(), PlanetoidReader.EDGES_FILE,
                    input.edges().lines().toList());
        }
        Path directory = Files.createTempDirectory(FOLDER, "graph");
        Path nodes = directory.resolve(PlanetoidReader.NODES_FILE);
        Path edges = directory.resolve(PlanetoidReader.EDGES_FILE);
        Files.write(nodes, input.nodes().getBytes(StandardCharsets.UTF_8));
        Files.write(edges, input.edges().getBytes(StandardCharsets.UTF_8));
        if (input.channel() == Channel.DIRECTORY) {
            return PlanetoidReader.read(directory);
        }
        // The gzip channels read each file through PlanetoidReader.lines, as the bundled
        // graphs are read.
        boolean cut = input.channel() == Channel.CUT_GZIP_FILE;
        List<String> nodeLines = PlanetoidReader.lines(gzipped(nodes, cut));
        List<String> edgeLines = PlanetoidReader.lines(gzipped(edges, cut));
        return PlanetoidReader.read("fuzz", PlanetoidReader.NODES_FILE, nodeLines,
                PlanetoidReader.EDGES_FILE, edgeLines);
    }

    /** Writes a gzipped copy of {@code file} next to it, cut to two thirds when asked. */
    private static Path gzipped(Path file, boolean cut) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(Files.readAllBytes(file));
        }
        byte[] content = bytes.toByteArray();
        Path target = file.resolveSibling(file.getFileName() + ".gz");
        Files.write(target, cut ? Arrays.copyOf(content, content.length * 2 / 3) : content);
        return target;
    }
}
