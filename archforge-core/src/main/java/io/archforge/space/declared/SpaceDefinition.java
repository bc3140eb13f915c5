package io.archforge.space.declared;

import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.SearchSpaces;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A search space that a user declares instead of writing Java: named choices and cell
 * graphs. {@link #toSpace()} builds it as a {@link ChoiceSpace} whose choices are the
 * declared choices in order, then one categorical choice per cell edge, so every
 * strategy that searches a choice space searches it.
 *
 * <p>The record is immutable and compares by value, so two definitions read from the
 * same text are equal.
 *
 * @param name the space name, which must not be a built-in space's name
 * @param choices the declared choices, in gene order
 * @param cells the cell graphs, whose edge choices follow the declared choices
 */
public record SpaceDefinition(String name, List<ChoiceDefinition> choices,
        List<CellDefinition> cells) {

    public SpaceDefinition {
        Objects.requireNonNull(name, "name");
        choices = List.copyOf(choices);
        cells = List.copyOf(cells);
        checkName("space", name);
        if (SearchSpaces.names().contains(name)) {
            throw new IllegalArgumentException("space name '" + name + "' is a built-in space;"
                    + " give the declared space another name");
        }
        if (choices.isEmpty() && cells.isEmpty()) {
            throw new IllegalArgumentException("space '" + name + "' has no choices and no"
                    + " cells; declare at least one choice or cell");
        }
        checkDistinct(name, choices, cells);
    }

    private static void checkDistinct(String space, List<ChoiceDefinition> choices,
            List<CellDefinition> cells) {
        Set<String> seen = new HashSet<>();
        for (ChoiceDefinition choice : choices) {
            requireNew(space, seen, choice.name());
            if (choice instanceof ChoiceDefinition.Categorical categorical) {
                categorical.values().forEach(value -> checkName("value", value));
            }
        }
        for (CellDefinition cell : cells) {
            requireNew(space, seen, cell.name());
            cell.operations().forEach(operation -> checkName("operation", operation));
            for (CellDefinition.Edge edge : cell.edges()) {
                requireNew(space, seen, cell.edgeChoice(edge.source(), edge.target()));
            }
        }
    }

    private static void requireNew(String space, Set<String> seen, String name) {
        checkName("choice", name);
        if (!seen.add(name)) {
            throw new IllegalArgumentException("space '" + space + "' declares the name '"
                    + name + "' twice; give every choice and cell its own name");
        }
    }

    /**
     * Checks that a name can be written in the {@code name=value,...} string form.
     *
     * @throws IllegalArgumentException naming the kind of name and the value
     */
    private static void checkName(String kind, String name) {
        boolean bad = name.isBlank() || !name.strip().equals(name)
                || name.indexOf(',') >= 0 || name.indexOf('=') >= 0
                || name.chars().anyMatch(Character::isISOControl);
        if (bad) {
            String escaped = name.codePoints()
                    .mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c)
                            : Character.toString(c))
                    .collect(java.util.stream.Collectors.joining());
            throw new IllegalArgumentException("invalid " + kind + " name '" + escaped
                    + "': a name must be non-blank, without surrounding spaces, ',', '=' or"
                    + " control characters");
        }
    }

    /** Builds the search space: the declared choices, then the edges of each cell. */
    public ChoiceSpace toSpace() {
        List<Choice> all = new ArrayList<>();
        choices.forEach(choice -> all.add(choice.toChoice()));
        cells.forEach(cell -> all.addAll(cell.toChoices()));
        return new ChoiceSpace(name, all);
    }

    /**
     * Returns the value of every declared choice of {@code architecture} by name: the value
     * name of a categorical choice, an {@link Integer} or a {@link Double}. Cell edges are
     * left out; {@link #cellEdges} returns them.
     *
     * @throws IllegalArgumentException when the architecture is not in this space
     */
    public Map<String, Object> choiceValues(Architecture architecture) {
        ChoiceSpace space = member(architecture);
        Map<String, Object> values = new LinkedHashMap<>();
        for (ChoiceDefinition choice : choices) {
            values.put(choice.name(), value(space, architecture, choice));
        }
        return values;
    }

    /**
     * Returns the operation on every edge of every cell of {@code architecture}: by cell
     * name, one {@link EdgeOperation} per edge in choice order.
     *
     * @throws IllegalArgumentException when the architecture is not in this space
     */
    public Map<String, List<EdgeOperation>> cellEdges(Architecture architecture) {
        ChoiceSpace space = member(architecture);
        Map<String, List<EdgeOperation>> edges = new LinkedHashMap<>();
        for (CellDefinition cell : cells) {
            List<EdgeOperation> operations = new ArrayList<>();
            for (CellDefinition.Edge edge : cell.edges()) {
                String choice = cell.edgeChoice(edge.source(), edge.target());
                operations.add(new EdgeOperation(edge.source(), edge.target(),
                        space.option(architecture, choice)));
            }
            edges.put(cell.name(), List.copyOf(operations));
        }
        return edges;
    }

    private static Object value(ChoiceSpace space, Architecture architecture,
            ChoiceDefinition choice) {
        if (choice instanceof ChoiceDefinition.Categorical) {
            return space.option(architecture, choice.name());
        }
        if (choice instanceof ChoiceDefinition.IntRange) {
            return space.intValue(architecture, choice.name());
        }
        return space.doubleValue(architecture, choice.name());
    }

    private ChoiceSpace member(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(name)) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' of space '" + architecture.space() + "' is not in space '" + name + "'");
        }
        return toSpace();
    }

    /**
     * The operation an architecture puts on one cell edge.
     *
     * @param source the node the edge reads
     * @param target the node the edge feeds
     * @param operation the operation name
     */
    public record EdgeOperation(int source, int target, String operation) {
    }
}
