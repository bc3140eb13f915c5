package io.archforge.predictors.text;

import io.archforge.encoding.ArchitectureGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Describes one cell graph as a heading and a per-node listing, for example
 * {@code "A cell with 3 operations. 1: 3x3 conv of input. 2: skip connection of input.
 * 3: 3x3 average pool of 1 and 2. Output takes 3."}
 *
 * <p>Operation nodes are numbered from 1 in the graph's topological order. Each entry
 * names the nodes that feed it, so the text determines the graph up to the wording of
 * the labels. A node that nothing feeds reads {@code "of nothing"}. With several input
 * or output nodes they are numbered too, as in {@code "input 2"}.
 */
final class GraphDescription {

    private GraphDescription() {
    }

    /**
     * Describes {@code graph} under {@code cellName}, such as {@code "a cell"} or
     * {@code "normal cell"}, whose first letter the heading capitalises.
     */
    static String of(String cellName, ArchitectureGraph graph) {
        List<String> names = nodeNames(graph);
        List<String> labels = graph.labels();
        int operations = (int) labels.stream().filter(GraphDescription::isOperation).count();

        StringBuilder text = new StringBuilder(capitalise(cellName)).append(" with ")
                .append(operations).append(operations == 1 ? " operation." : " operations.");
        for (int node = 0; node < graph.size(); node++) {
            String label = labels.get(node);
            if (isOperation(label)) {
                text.append(' ').append(names.get(node)).append(": ")
                        .append(OperationWords.of(label)).append(" of ")
                        .append(sources(graph, names, node)).append('.');
            } else if (label.equals(ArchitectureGraph.OUTPUT)) {
                text.append(' ').append(capitalise(names.get(node))).append(" takes ")
                        .append(outputSources(graph, names, node, operations)).append('.');
            }
        }
        return text.toString();
    }

    private static boolean isOperation(String label) {
        return !label.equals(ArchitectureGraph.INPUT) && !label.equals(ArchitectureGraph.OUTPUT);
    }

    /** Names each node: operations by number, input and output nodes by their label. */
    private static List<String> nodeNames(ArchitectureGraph graph) {
        List<String> labels = graph.labels();
        long inputs = labels.stream().filter(ArchitectureGraph.INPUT::equals).count();
        long outputs = labels.stream().filter(ArchitectureGraph.OUTPUT::equals).count();
        List<String> names = new ArrayList<>(labels.size());
        int operation = 0;
        int input = 0;
        int output = 0;
        for (String label : labels) {
            if (label.equals(ArchitectureGraph.INPUT)) {
                input++;
                names.add(inputs == 1 ? label : label + " " + input);
            } else if (label.equals(ArchitectureGraph.OUTPUT)) {
                output++;
                names.add(outputs == 1 ? label : label + " " + output);
            } else {
                operation++;
                names.add(Integer.toString(operation));
            }
        }
        return names;
    }

    /**
     * Lists the nodes that feed an output node, or returns {@code "all 8 operations"}
     * when those are every operation node and there are at least two, as in a DARTS cell.
     */
    private static String outputSources(ArchitectureGraph graph, List<String> names, int node,
            int operations) {
        List<Integer> feeding = feedingNodes(graph, node);
        boolean allOperations = operations >= 2 && feeding.size() == operations
                && feeding.stream().allMatch(from -> isOperation(graph.labels().get(from)));
        if (allOperations) {
            return "all " + operations + " operations";
        }
        return sources(graph, names, node);
    }

    private static List<Integer> feedingNodes(ArchitectureGraph graph, int node) {
        List<Integer> feeding = new ArrayList<>();
        for (int from = 0; from < node; from++) {
            if (graph.hasEdge(from, node)) {
                feeding.add(from);
            }
        }
        return feeding;
    }

    /** Lists the nodes that feed {@code node}: "nothing", "a", "a and b" or "a, b and c". */
    private static String sources(ArchitectureGraph graph, List<String> names, int node) {
        List<String> sources = new ArrayList<>();
        for (int from : feedingNodes(graph, node)) {
            sources.add(names.get(from));
        }
        if (sources.isEmpty()) {
            return "nothing";
        }
        if (sources.size() == 1) {
            return sources.get(0);
        }
        String last = sources.remove(sources.size() - 1);
        return String.join(", ", sources) + " and " + last;
    }

    private static String capitalise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
