package io.archforge.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * YAML inputs for the fuzz properties: the project's own example configuration and the
 * YAML examples of docs/configuration.md, and random documents built from the keys and
 * values a configuration uses, written in block or flow style.
 */
public final class YamlSeeds {

    /** The characters of YAML syntax, for random text. */
    public static final String ALPHABET = "abcnrstxyz0123456789.-_: \n[]{},#&*!|>'\"~?%@";

    private static final List<String> KEYS = List.of("name", "choices", "cells", "type",
            "low", "high", "step", "log", "values", "nodes", "operations", "space",
            "evaluator", "command", "metrics", "timeout", "workdir", "trials", "strategy",
            "population", "sample-size", "seed", "objective", "constraint", "dataset",
            "benchmark", "time-limit", "time_limit", "epochs", "device", "study", "protocol",
            "x", "<<", "? a", "\"quoted key\"", "1", "null", "true", "");

    private static final List<String> SCALARS = List.of("0", "1", "-1", "4", "20", "21",
            "2147483648", "-2147483649", "99999999999999999999", "1e-3", "1.0e400", "-0.0",
            ".inf", "-.inf", ".nan", "~", "null", "yes", "no", "true", "on", "007", "0x1F",
            "relu", "tanh", "categorical", "int", "real", "float", "mlp", "nb201", "cifar10",
            "evolution", "10m", "90s", "0s", "-5s", "accuracy:max", "params<=1.0", "python3",
            "'single quoted'", "\"double \\u0000 quoted\"", "\"\\ud800\"", "&a 1", "*a",
            "!!str 5", "!!binary aGk=", "|\n  block", "a,b", "a=b", " spaced ", "\u00e9t\u00e9",
            "\"" + "x".repeat(300) + "\"");

    private YamlSeeds() {
    }

    /**
     * Returns the example configuration and the YAML blocks of the configuration guide,
     * read from the project folder: the folder the build passes in
     * {@code archforge.project.dir}, or the nearest folder above it that holds them.
     */
    public static List<String> examples() {
        Path project = projectFolder();
        List<String> examples = new ArrayList<>();
        try {
            examples.add(Files.readString(project.resolve("examples/own-domain/study.yaml")));
            String guide = Files.readString(project.resolve("docs/configuration.md"));
            Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL)
                    .matcher(guide);
            while (block.find()) {
                examples.add(block.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example configurations under "
                    + project.toAbsolutePath(), e);
        }
        return examples;
    }

    private static Path projectFolder() {
        Path start = Path.of(System.getProperty("archforge.project.dir", ".")).toAbsolutePath();
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("docs/configuration.md"))) {
                return folder;
            }
        }
        return start;
    }

    /** Returns random documents of up to four levels, in block or flow style. */
    public static Arbitrary<String> randomDocuments() {
        return Combinators.combine(maps(4), Arbitraries.of(false, true))
                .as((tree, flow) -> flow ? flow(tree) + "\n" : block(tree, 0));
    }

    /** Returns random space sections: plausible choices and cells with odd values. */
    public static Arbitrary<String> spaceDocuments() {
        Arbitrary<String> number = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-10, 100).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of(SCALARS)));
        Arbitrary<String> choice = Combinators.combine(Arbitraries.of("a", "b", "lr", "x y"),
                Arbitraries.of("categorical", "int", "real", "float"), number, number, number,
                Arbitraries.of(SCALARS).list().ofMaxSize(4))
                .as((name, type, low, high, step, values) -> "{name: " + name + ", type: "
                        + type + ", low: " + low + ", high: " + high + ", step: " + step
                        + (values.isEmpty() ? "" : ", values: [" + String.join(", ", values)
                        + "]") + "}");
        Arbitrary<String> cell = Combinators.combine(Arbitraries.of("c", "a", "block"),
                number, Arbitraries.of("conv", "skip", "none", "a", "a,b").list().ofMaxSize(4))
                .as((name, nodes, operations) -> "{name: " + name + ", nodes: " + nodes
                        + ", operations: [" + String.join(", ", operations) + "]}");
        return Combinators.combine(Arbitraries.of("mlp", "nb201", "s p", ""),
                choice.list().ofMaxSize(4), cell.list().ofMaxSize(2))
                .as((name, choices, cells) -> {
                    StringBuilder text = new StringBuilder("space:\n  name: " + name + "\n");
                    text.append("  choices:\n");
                    choices.forEach(c -> text.append("    - ").append(c).append('\n'));
                    text.append("  cells:\n");
                    cells.forEach(c -> text.append("    - ").append(c).append('\n'));
                    return text.toString();
                });
    }

    private static Arbitrary<Object> values(int depth) {
        Arbitrary<Object> scalar = Arbitraries.of(SCALARS).map(Object.class::cast);
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(4, scalar),
                Tuple.of(1, Arbitraries.lazy(() -> values(depth - 1)).list().ofMaxSize(4)
                        .map(Object.class::cast)),
                Tuple.of(1, maps(depth - 1).map(Object.class::cast)));
    }

    private static Arbitrary<Map<String, Object>> maps(int depth) {
        return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.lazy(() -> values(depth)))
                .ofMaxSize(5);
    }

    @SuppressWarnings("unchecked")
    private static String block(Object value, int indent) {
        String pad = " ".repeat(indent);
        StringBuilder text = new StringBuilder();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                text.append(pad).append(entry.getKey()).append(':');
                appendChild(text, entry.getValue(), indent);
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                text.append(pad).append('-');
                appendChild(text, item, indent);
            }
        } else {
            text.append(pad).append(value).append('\n');
        }
        return text.toString();
    }

    private static void appendChild(StringBuilder text, Object child, int indent) {
        if (child instanceof Map<?, ?> || child instanceof List<?>) {
            text.append('\n').append(block(child, indent + 2));
        } else {
            text.append(' ').append(child).append('\n');
        }
    }

    private static String flow(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((key, item) -> entries.add(key + ": " + flow(item)));
            return "{" + String.join(", ", entries) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(YamlSeeds::flow).toList()) + "]";
        }
        return value.toString();
    }
}
