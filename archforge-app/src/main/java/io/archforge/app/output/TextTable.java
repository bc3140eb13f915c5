package io.archforge.app.output;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned text columns and right-aligned number columns. */
public final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] numeric;

    /**
     * Creates a table; a header starting with '#' marks a right-aligned column (the '#' is
     * dropped).
     */
    public TextTable(List<String> headers) {
        this.headers = new ArrayList<>();
        this.numeric = new boolean[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            numeric[i] = header.startsWith("#");
            this.headers.add(numeric[i] ? header.substring(1) : header);
        }
    }

    /** Appends a row with one cell per column. */
    public TextTable add(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has "
                    + headers.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /**
     * Renders the table, one line per row after the header and a rule, each ending in a
     * newline.
     */
    public String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendLine(text, headers, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        appendLine(text, rule, widths);
        for (List<String> row : rows) {
            appendLine(text, row, widths);
        }
        return text.toString();
    }

    private void appendLine(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(numeric[i] ? pad + cell : cell + pad);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
