package io.archforge.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@code name=value,name=value} string form of a {@link ChoiceSpace} architecture. */
final class ChoiceFormat {

    private ChoiceFormat() {
    }

    /** Checks that a choice or option name can be written in the string form. */
    static void checkName(String space, String name) {
        boolean bad = name.isBlank() || !name.strip().equals(name)
                || name.indexOf(',') >= 0 || name.indexOf('=') >= 0;
        if (bad) {
            throw new IllegalArgumentException("choice space '" + space + "': name '" + name
                    + "' must be non-blank, without surrounding spaces, ',' or '='");
        }
    }

    /** Writes the genes in choice order. */
    static String print(List<Choice> choices, List<Number> genes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < choices.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            Choice choice = choices.get(i);
            text.append(choice.name()).append('=').append(value(choice, genes.get(i)));
        }
        return text.toString();
    }

    private static String value(Choice choice, Number gene) {
        if (choice instanceof Choice.Categorical c) {
            return c.options().get(gene.intValue());
        }
        if (choice instanceof Choice.IntRange) {
            return Integer.toString(gene.intValue());
        }
        return Double.toString(gene.doubleValue());
    }

    /**
     * Reads {@code name=value} pairs, one per choice, in any order.
     *
     * @throws ArchitectureFormatException naming the text, the bad part and the valid values
     */
    static List<Number> parse(ChoiceSpace space, String text) {
        if (text == null || text.isBlank()) {
            throw invalid(space, text, "it is empty");
        }
        Number[] genes = new Number[space.choices().size()];
        for (String pair : text.split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw invalid(space, text, "'" + pair + "' is not of the form name=value");
            }
            String key = pair.substring(0, equals).strip();
            int index = space.indexOf(key);
            if (index < 0) {
                throw invalid(space, text, "unknown choice '" + key + "'; valid choices are "
                        + space.choiceNames());
            }
            if (genes[index] != null) {
                throw invalid(space, text, "choice '" + key + "' appears twice");
            }
            genes[index] = gene(space, text, space.choices().get(index),
                    pair.substring(equals + 1).strip());
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < genes.length; i++) {
            if (genes[i] == null) {
                missing.add(space.choices().get(i).name());
            }
        }
        if (!missing.isEmpty()) {
            throw invalid(space, text, "missing choices " + missing);
        }
        return Arrays.asList(genes);
    }

    private static Number gene(ChoiceSpace space, String text, Choice choice, String value) {
        Number gene;
        if (choice instanceof Choice.Categorical c) {
            gene = c.indexOf(value) >= 0 ? c.indexOf(value) : null;
        } else if (choice instanceof Choice.IntRange) {
            gene = parseInt(value);
        } else {
            gene = parseDouble(value);
        }
        if (gene == null || !choice.accepts(gene)) {
            throw invalid(space, text, "invalid value '" + value + "' for choice '"
                    + choice.name() + "': expected " + ChoiceValues.describe(choice, false));
        }
        return gene;
    }

    private static Integer parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseDouble(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ArchitectureFormatException invalid(ChoiceSpace space, String text,
            String why) {
        return new ArchitectureFormatException("invalid " + space.name() + " architecture '"
                + text + "': " + why + ". Expected name=value pairs joined by ',' for "
                + space.choiceNames());
    }
}
