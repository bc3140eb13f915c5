package io.archforge.benchmarks.tables;

import io.archforge.space.DartsSpace;
import io.archforge.space.Nb101Space;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Converts the zero-cost JSON files that NASLib published for NAS-Bench-101 and
 * NAS-Bench-301 into the CSV resources that {@link Nb101Table} and {@link Nb301Table}
 * read, and documents the layout of the JSON files.
 *
 * <p>NAS-Bench-101 file: {@code {"nasbench101": {"cifar10": {KEY: {"val_accuracy": ...,
 * "flops": ..., "params": ..., PROXY: ...}}}}}. KEY is a Python tuple of 56 ints: the
 * unpruned 7 x 7 adjacency matrix row by row, then the 7 node operations numbered by
 * NASLib's list (input, output, maxpool3x3, conv1x1-bn-relu, conv3x3-bn-relu), so 0 is
 * the input, 1 the output, 2 maxpool3x3, 3 conv1x1-bn-relu and 4 conv3x3-bn-relu (NASLib,
 * naslib/search_spaces/nasbench101/conversions.py, {@code convert_spec_to_tuple}).
 * The converter checks that the diagonal and lower triangle are 0, that node 0 is the
 * input and node 6 the output.
 *
 * <p>NAS-Bench-301 file: {@code {"cifar10": {KEY: {"idx": ..., "arch": KEY,
 * "val_accuracy": ..., PROXY: {"score": ..., "time": ...}}}}}. KEY is NASLib's compact
 * form, {@code [[(node, op) x 8], [(node, op) x 8]]} for the normal and the reduction
 * cell, whose numbering {@link DartsSpace} follows (NASLib,
 * naslib/search_spaces/nasbench301/conversions.py, {@code convert_compact_to_genotype}).
 * The converter keeps each proxy's score and drops its time.
 *
 * <p>The CSV has one row per JSON entry, in file order. Columns before
 * {@code val_accuracy} describe the architecture, and every column after it is a
 * proxy, named as in the JSON. NAS-Bench-101 rows have {@code adjacency}, the 21
 * upper-triangle entries of the matrix row by row as 0 and 1, and {@code operations},
 * the names of nodes 1 to 5 separated by spaces. NAS-Bench-301 rows have
 * {@code naslib_idx} and {@code normal} and {@code reduction}, each eight
 * {@code input:operation} pairs separated by spaces. Numbers are copied as the JSON
 * writes them, so no value is rounded.
 *
 * <p>Run it from the module directory after {@code mvn test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.archforge.benchmarks.tables.NaslibZeroCostConverter nb101 zc_nasbench101.json \
 *     src/main/resources/io/archforge/benchmarks/tables/nb101-zc-500.csv.gz
 * </pre>
 * and likewise with {@code nb301}, where {@code cp.txt} comes from
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class NaslibZeroCostConverter {

    /** NASLib's NAS-Bench-101 node operation numbering. */
    static final List<String> NB101_CODES = List.of(Nb101Space.INPUT, Nb101Space.OUTPUT,
            "maxpool3x3", "conv1x1-bn-relu", "conv3x3-bn-relu");

    private static final String VALUE_COLUMN = NaslibZeroCostCsv.VALUE_COLUMN;

    private NaslibZeroCostConverter() {
    }

    /** Converts {@code args[1]} for benchmark {@code args[0]} and writes {@code args[2]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException(
                    "usage: NaslibZeroCostConverter nb101|nb301 SOURCE_JSON OUTPUT_CSV_GZ");
        }
        String csv = convert(args[0], Path.of(args[1]));
        try (OutputStream file = Files.newOutputStream(Path.of(args[2]));
                Writer out = new OutputStreamWriter(new GZIPOutputStream(file),
                        StandardCharsets.UTF_8)) {
            out.write(csv);
        }
    }

    /** Returns the CSV text of benchmark {@code benchmark}'s JSON file. */
    static String convert(String benchmark, Path json) throws IOException {
        Object root = new JsonReader(Files.readString(json, StandardCharsets.UTF_8)).read();
        return switch (benchmark) {
            case "nb101" -> nb101(object(object(object(root).get("nasbench101")).get("cifar10")));
            case "nb301" -> nb301(object(object(root).get("cifar10")));
            default -> throw new IllegalArgumentException("unknown benchmark '" + benchmark
                    + "'; use nb101 or nb301");
        };
    }

    private static String nb101(Map<String, Object> entries) throws IOException {
        StringBuilder csv = new StringBuilder();
        List<String> proxies = null;
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            Map<String, Object> fields = object(entry.getValue());
            if (proxies == null) {
                proxies = proxyNames(fields, List.of());
                csv.append("adjacency,operations,").append(VALUE_COLUMN);
                proxies.forEach(name -> csv.append(',').append(name));
                csv.append('\n');
            }
            checkFields(entry.getKey(), fields, proxies, List.of());
            csv.append(nb101Cell(entry.getKey()));
            appendScores(csv, fields, proxies, false);
        }
        return csv.toString();
    }

    /** Returns the {@code adjacency,operations} cells of a NASLib NAS-Bench-101 key. */
    private static String nb101Cell(String key) throws IOException {
        List<Integer> codes = integers(key);
        int n = Nb101Space.NODES;
        if (codes.size() != n * n + n) {
            throw new IOException("key " + key + " has " + codes.size() + " ints, expected 56");
        }
        StringBuilder adjacency = new StringBuilder();
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                int bit = codes.get(from * n + to);
                if (bit != 0 && (to <= from || bit != 1)) {
                    throw new IOException("key " + key + " has entry " + bit + " at [" + from
                            + "][" + to + "]; only the upper triangle may hold 1");
                }
                if (to > from) {
                    adjacency.append(bit);
                }
            }
        }
        List<String> operations = new ArrayList<>();
        for (int node = 0; node < n; node++) {
            int code = codes.get(n * n + node);
            String expected = node == 0 ? Nb101Space.INPUT
                    : node == n - 1 ? Nb101Space.OUTPUT : null;
            String name = code >= 0 && code < NB101_CODES.size() ? NB101_CODES.get(code) : null;
            boolean inner = expected == null && Nb101Space.OPERATIONS.contains(name);
            if (!inner && (expected == null || !expected.equals(name))) {
                throw new IOException("key " + key + " has operation code " + code
                        + " at node " + node);
            }
            if (inner) {
                operations.add(name);
            }
        }
        return adjacency + "," + String.join(" ", operations);
    }

    private static String nb301(Map<String, Object> entries) throws IOException {
        StringBuilder csv = new StringBuilder();
        List<String> proxies = null;
        List<String> skipped = List.of("idx", "arch");
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            Map<String, Object> fields = object(entry.getValue());
            if (proxies == null) {
                proxies = proxyNames(fields, skipped);
                csv.append("naslib_idx,normal,reduction,").append(VALUE_COLUMN);
                proxies.forEach(name -> csv.append(',').append(name));
                csv.append('\n');
            }
            checkFields(entry.getKey(), fields, proxies, skipped);
            if (!entry.getKey().equals(fields.get("arch"))) {
                throw new IOException("entry " + entry.getKey() + " has another arch field: "
                        + fields.get("arch"));
            }
            csv.append(fields.get("idx")).append(',').append(dartsCells(entry.getKey()));
            appendScores(csv, fields, proxies, true);
        }
        return csv.toString();
    }

    /** Returns the {@code normal,reduction} cells of a NASLib compact key. */
    private static String dartsCells(String key) throws IOException {
        List<Integer> codes = integers(key);
        if (codes.size() != 4 * DartsSpace.EDGES) {
            throw new IOException("key " + key + " has " + codes.size() + " ints, expected 32");
        }
        List<String> cells = new ArrayList<>();
        for (int cell = 0; cell < 2; cell++) {
            List<String> pairs = new ArrayList<>();
            for (int position = 0; position < DartsSpace.EDGES; position++) {
                int at = cell * 2 * DartsSpace.EDGES + 2 * position;
                int input = codes.get(at);
                int operation = codes.get(at + 1);
                if (input >= DartsSpace.nodeOf(position) || operation < 0
                        || operation >= DartsSpace.OPERATIONS.size()) {
                    throw new IOException("key " + key + " has the invalid pair (" + input
                            + ", " + operation + ") at edge " + position);
                }
                pairs.add(input + ":" + DartsSpace.OPERATIONS.get(operation));
            }
            cells.add(String.join(" ", pairs));
        }
        return String.join(",", cells);
    }

    /** Lists the score fields of the first entry, the value field and {@code skipped} left out. */
    private static List<String> proxyNames(Map<String, Object> fields, List<String> skipped) {
        List<String> names = new ArrayList<>();
        for (String name : fields.keySet()) {
            if (!name.equals(VALUE_COLUMN) && !skipped.contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static void checkFields(String key, Map<String, Object> fields,
            List<String> proxies, List<String> skipped) throws IOException {
        List<String> expected = new ArrayList<>(proxies);
        expected.add(VALUE_COLUMN);
        expected.addAll(skipped);
        if (fields.size() != expected.size() || !fields.keySet().containsAll(expected)) {
            throw new IOException("entry " + key + " has the fields " + fields.keySet()
                    + ", expected " + expected);
        }
    }

    private static void appendScores(StringBuilder csv, Map<String, Object> fields,
            List<String> proxies, boolean scoreObjects) throws IOException {
        csv.append(',').append(number(fields.get(VALUE_COLUMN)));
        for (String proxy : proxies) {
            Object value = fields.get(proxy);
            csv.append(',').append(number(scoreObjects ? object(value).get("score") : value));
        }
        csv.append('\n');
    }

    private static String number(Object value) throws IOException {
        if (!(value instanceof JsonNumber number)) {
            throw new IOException("expected a number, got " + value);
        }
        return number.text();
    }

    /** Returns the ints of a Python tuple or list text, in order. */
    private static List<Integer> integers(String key) {
        List<Integer> values = new ArrayList<>();
        for (String token : key.split("[^0-9-]+")) {
            if (!token.isEmpty()) {
                values.add(Integer.parseInt(token));
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) throws IOException {
        if (!(value instanceof Map<?, ?>)) {
            throw new IOException("expected a JSON object, got " + value);
        }
        return (Map<String, Object>) value;
    }

    /** A JSON number as written in the file, so that copying it loses nothing. */
    record JsonNumber(String text) {
    }

    /**
     * Reads JSON into ordered maps, lists, strings, booleans, null and {@link JsonNumber}.
     * Enough for the two NASLib files; it does not decode {@code \\u} escapes.
     */
    static final class JsonReader {

        private static final String NUMBER_CHARACTERS = "+-0123456789.eE";

        private final String text;
        private int position;

        JsonReader(String text) {
            this.text = text;
        }

        Object read() throws IOException {
            Object value = value();
            skipSpace();
            if (position != text.length()) {
                throw error("trailing text");
            }
            return value;
        }

        private Object value() throws IOException {
            skipSpace();
            if (position >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(position);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() throws IOException {
            Map<String, Object> map = new LinkedHashMap<>();
            position++;
            skipSpace();
            if (peek() == '}') {
                position++;
                return map;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                if (map.put(key, value()) != null) {
                    throw error("repeated key " + key);
                }
                skipSpace();
                if (peek() == '}') {
                    position++;
                    return map;
                }
                expect(',');
            }
        }

        private List<Object> array() throws IOException {
            List<Object> list = new ArrayList<>();
            position++;
            skipSpace();
            if (peek() == ']') {
                position++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (peek() == ']') {
                    position++;
                    return list;
                }
                expect(',');
            }
        }

        private String string() throws IOException {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (peek() != '"') {
                char c = text.charAt(position++);
                if (c == '\\') {
                    char escaped = text.charAt(position++);
                    if (escaped == 'u') {
                        throw error("\\u escapes are not supported");
                    }
                    out.append(switch (escaped) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> escaped;
                    });
                } else {
                    out.append(c);
                }
            }
            position++;
            return out.toString();
        }

        private JsonNumber number() throws IOException {
            int start = position;
            while (position < text.length() && NUMBER_CHARACTERS.indexOf(peek()) >= 0) {
                position++;
            }
            String token = text.substring(start, position);
            try {
                Double.parseDouble(token);
            } catch (NumberFormatException e) {
                throw error("invalid number '" + token + "'");
            }
            return new JsonNumber(token);
        }

        private Object literal(String word, Object value) throws IOException {
            if (!text.startsWith(word, position)) {
                throw error("expected " + word);
            }
            position += word.length();
            return value;
        }

        private void skipSpace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private char peek() throws IOException {
            if (position >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(position);
        }

        private void expect(char c) throws IOException {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            position++;
        }

        private IOException error(String problem) {
            return new IOException("invalid JSON at character " + position + ": " + problem);
        }
    }
}
