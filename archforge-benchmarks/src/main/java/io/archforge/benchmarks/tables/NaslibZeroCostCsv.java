package io.archforge.benchmarks.tables;

import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * The rows of a gzip CSV resource converted from a NASLib zero-cost JSON file: one
 * architecture per row with its validation accuracy and its proxy scores.
 *
 * <p>Columns before {@value #VALUE_COLUMN} describe the architecture and are handed to
 * the table's row parser by name. Every column after it is a proxy score, named as in
 * NASLib's file. Fields hold no commas or quotes, so a line splits at every comma.
 */
final class NaslibZeroCostCsv {

    /** The column of the validation accuracy in percent. */
    static final String VALUE_COLUMN = "val_accuracy";

    private final List<Architecture> architectures;
    private final Map<Architecture, Integer> rows;
    private final double[] values;
    private final Map<String, ProxyScorer> proxies;

    private NaslibZeroCostCsv(List<Architecture> architectures, double[] values,
            Map<String, double[]> scores, String benchmark) {
        this.architectures = List.copyOf(architectures);
        this.values = values;
        this.rows = new HashMap<>();
        for (int row = 0; row < architectures.size(); row++) {
            if (rows.put(architectures.get(row), row) != null) {
                throw new IllegalStateException(benchmark + " table lists architecture '"
                        + architectures.get(row).text() + "' twice");
            }
        }
        Map<String, ProxyScorer> scorers = new LinkedHashMap<>();
        scores.forEach((name, column) -> scorers.put(name, new ColumnScorer(name, column)));
        this.proxies = Collections.unmodifiableMap(scorers);
    }

    /**
     * Reads the gzip CSV class-path resource {@code resource}.
     *
     * @param parser builds a row's architecture from its architecture columns, by name
     * @throws IllegalStateException when the resource is missing or malformed
     */
    static NaslibZeroCostCsv load(String benchmark, String resource,
            Function<Map<String, String>, Architecture> parser) {
        InputStream raw = NaslibZeroCostCsv.class.getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException("resource " + resource + " is missing from the"
                    + " class path; rebuild archforge-benchmarks");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            return parse(benchmark, resource, reader, parser);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + resource, e);
        }
    }

    private static NaslibZeroCostCsv parse(String benchmark, String resource,
            BufferedReader reader, Function<Map<String, String>, Architecture> parser)
            throws IOException {
        List<String> header = Arrays.asList(reader.readLine().split(",", -1));
        int valueColumn = header.indexOf(VALUE_COLUMN);
        if (valueColumn < 0) {
            throw new IllegalStateException("resource " + resource + " has no column "
                    + VALUE_COLUMN + "; its header is " + header);
        }
        List<String> proxyNames = header.subList(valueColumn + 1, header.size());
        List<Architecture> architectures = new ArrayList<>();
        List<double[]> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            String[] cells = line.split(",", -1);
            if (cells.length != header.size()) {
                throw new IllegalStateException("resource " + resource + " row "
                        + (lines.size() + 1) + " has " + cells.length + " fields, expected "
                        + header.size());
            }
            Map<String, String> description = new HashMap<>();
            for (int column = 0; column < valueColumn; column++) {
                description.put(header.get(column), cells[column]);
            }
            architectures.add(parser.apply(description));
            double[] numbers = new double[header.size() - valueColumn];
            for (int column = valueColumn; column < header.size(); column++) {
                numbers[column - valueColumn] = Double.parseDouble(cells[column]);
            }
            lines.add(numbers);
        }

        // Columns of numbers: the value first, then one per proxy.
        double[] values = lines.stream().mapToDouble(numbers -> numbers[0]).toArray();
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (int p = 0; p < proxyNames.size(); p++) {
            int column = p + 1;
            scores.put(proxyNames.get(p),
                    lines.stream().mapToDouble(numbers -> numbers[column]).toArray());
        }
        return new NaslibZeroCostCsv(architectures, values, scores, benchmark);
    }

    List<Architecture> architectures() {
        return architectures;
    }

    /**
     * Returns the validation accuracy of {@code architecture}.
     *
     * @throws IllegalArgumentException when the table has no such architecture
     */
    double value(Architecture architecture) {
        return values[row(architecture)];
    }

    Map<String, ProxyScorer> proxies() {
        return proxies;
    }

    private int row(Architecture architecture) {
        Integer row = rows.get(architecture);
        if (row == null) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' of space '" + architecture.space() + "' is not in the table of "
                    + architectures.size() + " architectures; pick one from architectures()");
        }
        return row;
    }

    /** Serves one proxy column of the table. */
    private final class ColumnScorer implements ProxyScorer {

        private final String name;
        private final double[] scores;

        ColumnScorer(String name, double[] scores) {
            this.name = name;
            this.scores = scores;
        }

        @Override
        public String name() {
            return name;
        }

        /**
         * Returns the published score.
         *
         * @throws IllegalArgumentException when the table has no such architecture
         * @throws ArithmeticException when the published score is not a finite number
         */
        @Override
        public double score(Architecture architecture) {
            double score = scores[row(architecture)];
            if (!Double.isFinite(score)) {
                throw new ArithmeticException("proxy " + name + " of architecture '"
                        + architecture.text() + "' is " + score + " in the table");
            }
            return score;
        }
    }
}
