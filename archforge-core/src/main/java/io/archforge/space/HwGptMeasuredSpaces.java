package io.archforge.space;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The spaces {@code hwgpt-s}, {@code hwgpt-m} and {@code hwgpt-l} as searched: each
 * {@link HwGptSpace} narrowed to the 10,000 architectures that HW-GPT-Bench measured, in
 * the benchmark's row order. The bundled resource {@code hwgpt-SIZE-measured.csv.gz} contains
 * the architecture columns of the benchmark's tables (see the NOTICE file of this module).
 * Each space is read once, on first use.
 */
public final class HwGptMeasuredSpaces {

    private static final String HEADER = "arch_id,n_layer,n_embd,bias,n_head,mlp_ratio";
    private static final Map<HwGptSpace.Size, MeasuredSpace> SPACES =
            new EnumMap<>(HwGptSpace.Size.class);

    private HwGptMeasuredSpaces() {
    }

    /**
     * Returns the measured space of {@code size}; every call returns the same instance.
     *
     * @throws IllegalStateException when the bundled resource is missing or malformed
     */
    public static MeasuredSpace of(HwGptSpace.Size size) {
        synchronized (SPACES) {
            return SPACES.computeIfAbsent(size, HwGptMeasuredSpaces::load);
        }
    }

    private static MeasuredSpace load(HwGptSpace.Size size) {
        ChoiceSpace space = HwGptSpace.create(size);
        String resource = resourceName(size);
        try (InputStream raw = HwGptMeasuredSpaces.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("resource " + resource + " is missing from "
                        + "the archforge-core jar; rebuild it");
            }
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            List<Architecture> members = read(size, resource, reader);
            return MeasuredSpace.of(space, members, a -> HwGptSpace.activeGenes(space, a));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    /** Returns the class-path resource name of the members of {@code size}. */
    static String resourceName(HwGptSpace.Size size) {
        return "hwgpt-" + size.letter() + "-measured.csv.gz";
    }

    private static List<Architecture> read(HwGptSpace.Size size, String resource,
            BufferedReader reader) throws IOException {
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalStateException("resource " + resource + " starts with '" + header
                    + "', expected '" + HEADER + "'");
        }
        List<Architecture> members = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            members.add(parseRow(size, resource, number, line));
        }
        return members;
    }

    private static Architecture parseRow(HwGptSpace.Size size, String resource, int number,
            String line) {
        String[] cells = line.split(",", -1);
        try {
            return HwGptSpace.ofColumns(size, Integer.parseInt(cells[1]),
                    Integer.parseInt(cells[2]), cells[3].equals("1"), cells[4], cells[5]);
        } catch (RuntimeException e) {
            throw new IllegalStateException("resource " + resource + " line " + number
                    + " is not an architecture of " + size.spaceName() + ": "
                    + e.getMessage(), e);
        }
    }
}
