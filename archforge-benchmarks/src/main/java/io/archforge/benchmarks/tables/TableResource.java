package io.archforge.benchmarks.tables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a gzip-compressed CSV resource of this module: a header line, then rows of
 * plain comma-separated fields without quotes.
 */
final class TableResource {

    private TableResource() {
    }

    /**
     * Returns the rows of {@code resource} after checking its header.
     *
     * @throws IllegalStateException when the resource is missing, has another header, or
     *     a row has another number of fields
     * @throws UncheckedIOException when it cannot be read
     */
    static List<String[]> read(String resource, List<String> header) {
        InputStream raw = TableResource.class.getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException("resource " + resource + " is missing from the"
                    + " class path; rebuild archforge-benchmarks");
        }
        String expected = String.join(",", header);
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            if (!expected.equals(first)) {
                throw new IllegalStateException(resource + " starts with '" + first
                        + "', expected '" + expected + "'");
            }
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.split(",", -1);
                if (fields.length != header.size()) {
                    throw new IllegalStateException(resource + " row " + (rows.size() + 1)
                            + " has " + fields.length + " fields, expected " + header.size());
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + resource, e);
        }
        return rows;
    }
}
