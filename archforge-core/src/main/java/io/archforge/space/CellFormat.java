package io.archforge.space;

/**
 * The NAS-Bench-201 string form of a cell: one {@code |...|} group per target
 * node, joined by {@code +}, each edge written {@code op~source}.
 */
final class CellFormat {

    private CellFormat() {
    }

    /** Writes the string form of the cell with these operation indices. */
    static String print(CellSpace space, int[] indices) {
        StringBuilder text = new StringBuilder();
        int edge = 0;
        for (int to = 1; to < space.nodes(); to++) {
            if (to > 1) {
                text.append('+');
            }
            text.append('|');
            for (int from = 0; from < to; from++) {
                text.append(space.operations().get(indices[edge++])).append('~').append(from);
                text.append('|');
            }
        }
        return text.toString();
    }

    /**
     * Reads the string form back into operation indices.
     *
     * @throws ArchitectureFormatException quoting the text and the expected form
     */
    static int[] parse(CellSpace space, String text) {
        if (text == null || text.isBlank()) {
            throw invalid(space, text, "it is empty");
        }
        if (text.length() < 2 || !text.startsWith("|") || !text.endsWith("|")) {
            throw invalid(space, text, "it must start and end with '|'");
        }
        String[] groups = text.substring(1, text.length() - 1).split("\\|\\+\\|", -1);
        if (groups.length != space.nodes() - 1) {
            throw invalid(space, text, "it has " + groups.length
                    + " node groups but the cell needs " + (space.nodes() - 1)
                    + ", joined by '|+|'");
        }
        int[] indices = new int[space.edgeCount()];
        int edge = 0;
        for (int to = 1; to < space.nodes(); to++) {
            String[] tokens = groups[to - 1].split("\\|", -1);
            if (tokens.length != to) {
                throw invalid(space, text, "node " + to + " has " + tokens.length
                        + " incoming edges in '|" + groups[to - 1] + "|' but needs " + to
                        + ", one from each earlier node");
            }
            for (int from = 0; from < to; from++) {
                indices[edge++] = parseEdge(space, text, tokens[from], from, to);
            }
        }
        return indices;
    }

    private static int parseEdge(CellSpace space, String text, String token, int from, int to) {
        int tilde = token.indexOf('~');
        if (tilde < 0 || tilde != token.lastIndexOf('~')) {
            throw invalid(space, text, "edge '" + token + "' into node " + to
                    + " must be written OPERATION~" + from);
        }
        String source = token.substring(tilde + 1);
        if (!source.equals(Integer.toString(from))) {
            throw invalid(space, text, "edge '" + token + "' into node " + to
                    + " must come from node " + from + " (written ~" + from + ")");
        }
        String operation = token.substring(0, tilde);
        int index = space.operations().indexOf(operation);
        if (index < 0) {
            throw invalid(space, text, "unknown operation '" + operation + "' on edge "
                    + from + "->" + to + "; valid operations are " + space.operations());
        }
        return index;
    }

    private static ArchitectureFormatException invalid(CellSpace space, String text, String why) {
        return new ArchitectureFormatException("invalid " + space.name() + " cell '" + text
                + "': " + why + ". Expected the form " + template(space.nodes()));
    }

    /** The form with placeholders, such as {@code |op~0|+|op~0|op~1|}. */
    private static String template(int nodes) {
        StringBuilder form = new StringBuilder();
        for (int to = 1; to < nodes; to++) {
            form.append(to > 1 ? "+|" : "|");
            for (int from = 0; from < to; from++) {
                form.append("op~").append(from).append('|');
            }
        }
        return form.toString();
    }
}
