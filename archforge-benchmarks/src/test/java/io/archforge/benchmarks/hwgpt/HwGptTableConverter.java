package io.archforge.benchmarks.hwgpt;

import io.archforge.space.HwGptSpace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Converts the HW-GPT-Bench tables {@code hwgpt_s.csv.gz}, {@code hwgpt_m.csv.gz} and
 * {@code hwgpt_l.csv.gz} (one row per measured architecture, converted from the
 * benchmark's raw pickles) into the resources of this module and of archforge-core.
 * It keeps the columns that {@link HwGptTable} reads and copies every value as text, so
 * nothing is rounded: the architecture columns, params, flops, perplexity, accuracy,
 * the mean latency of each device, the mean energy of each device, and memory. It drops
 * the standard deviations, MACs (half the FLOPs), board power, the secondary codecarbon
 * GPU energy and the per-layer columns, which repeat the compact lists.
 *
 * <p>Run it from the module directory after {@code mvn test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.archforge.benchmarks.hwgpt.HwGptTableConverter SOURCE_DIR ..
 * </pre>
 * where {@code ..} is the repository root and {@code cp.txt} comes from
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class HwGptTableConverter {

    private static final List<String> ARCHITECTURE =
            List.of("arch_id", "n_layer", "n_embd", "bias", "n_head", "mlp_ratio");
    private static final String CORE_RESOURCES =
            "archforge-core/src/main/resources/io/archforge/space";
    private static final String TABLE_RESOURCES =
            "archforge-benchmarks/src/main/resources/io/archforge/benchmarks/hwgpt";

    private HwGptTableConverter() {
    }

    /** Converts the tables in {@code args[0]} into the repository at {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: HwGptTableConverter SOURCE_DIR REPO_DIR");
        }
        Path source = Path.of(args[0]);
        Path repository = Path.of(args[1]);
        for (HwGptSpace.Size size : HwGptSpace.Size.values()) {
            List<String[]> rows = read(source.resolve("hwgpt_" + size.letter() + ".csv.gz"));
            List<String> header = Arrays.asList(rows.get(0));
            write(rows, header, ARCHITECTURE, repository.resolve(CORE_RESOURCES)
                    .resolve("hwgpt-" + size.letter() + "-measured.csv.gz"));
            write(rows, header, tableColumns(header), repository.resolve(TABLE_RESOURCES)
                    .resolve("hwgpt-" + size.letter() + ".csv.gz"));
        }
    }

    /** Returns the columns {@link HwGptTable} reads, in the source's order. */
    static List<String> tableColumns(List<String> header) {
        List<String> columns = new ArrayList<>(ARCHITECTURE);
        for (String column : header) {
            boolean quality = List.of("params", "flops", "perplexity", "accuracy")
                    .contains(column);
            boolean latency = column.startsWith("lat_") && !column.endsWith("_std_ms");
            boolean energy = column.startsWith("energy_") && !column.startsWith("energy_cc_")
                    && !column.endsWith("_std_Wh");
            if (quality || latency || energy || column.startsWith("mem_")) {
                columns.add(column);
            }
        }
        return columns;
    }

    private static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    private static void write(List<String[]> rows, List<String> header, List<String> columns,
            Path file) throws IOException {
        int[] indexes = columns.stream().mapToInt(header::indexOf).toArray();
        StringBuilder text = new StringBuilder(String.join(",", columns)).append('\n');
        for (String[] row : rows.subList(1, rows.size())) {
            for (int i = 0; i < indexes.length; i++) {
                text.append(i > 0 ? "," : "").append(row[indexes[i]]);
            }
            text.append('\n');
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
