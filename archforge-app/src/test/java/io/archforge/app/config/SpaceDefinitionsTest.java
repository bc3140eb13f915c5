package io.archforge.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.app.cli.UsageException;
import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.declared.CellDefinition;
import io.archforge.space.declared.ChoiceDefinition;
import io.archforge.space.declared.SpaceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpaceDefinitionsTest {

    private static final String SPACE = """
            space:
              name: mlp
              choices:
                - {name: layers, type: int, low: 1, high: 4}
                - {name: activation, type: categorical, values: [relu, tanh]}
                - name: learning_rate
                  type: real
                  low: 1e-4
                  high: 0.1
                  log: true
              cells:
                - {name: normal, nodes: 4, operations: [conv3x3, skip, none]}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsEveryKindOfChoice() throws IOException {
        SpaceDefinition definition = SpaceDefinitions.readFile(write("s.yaml", SPACE));

        assertThat(definition.name()).isEqualTo("mlp");
        assertThat(definition.choices()).containsExactly(
                new ChoiceDefinition.IntRange("layers", 1, 4, 1),
                new ChoiceDefinition.Categorical("activation", List.of("relu", "tanh")),
                new ChoiceDefinition.RealRange("learning_rate", 1e-4, 0.1, true));
        assertThat(definition.cells()).containsExactly(
                new CellDefinition("normal", 4, List.of("conv3x3", "skip", "none")));
    }

    @Test
    void spaceHasChoicesThenCellEdges() throws IOException {
        ChoiceSpace space = SpaceDefinitions.readFile(write("s.yaml", SPACE)).toSpace();

        assertThat(space.name()).isEqualTo("mlp");
        assertThat(space.choiceNames()).containsExactly("layers", "activation",
                "learning_rate", "normal.0-1", "normal.0-2", "normal.1-2", "normal.0-3",
                "normal.1-3", "normal.2-3");
        assertThat(space.size()).isEqualTo(-1);
    }

    @Test
    void cellEdgesListOperations() throws IOException {
        SpaceDefinition definition = SpaceDefinitions.readFile(write("s.yaml", SPACE));
        ChoiceSpace space = definition.toSpace();
        Architecture architecture = space.parse("layers=2,activation=tanh,learning_rate=0.01,"
                + "normal.0-1=skip,normal.0-2=none,normal.1-2=conv3x3,normal.0-3=skip,"
                + "normal.1-3=none,normal.2-3=conv3x3");

        assertThat(definition.choiceValues(architecture)).containsEntry("layers", 2)
                .containsEntry("activation", "tanh").containsEntry("learning_rate", 0.01)
                .hasSize(3);
        assertThat(definition.cellEdges(architecture).get("normal")).containsExactly(
                new SpaceDefinition.EdgeOperation(0, 1, "skip"),
                new SpaceDefinition.EdgeOperation(0, 2, "none"),
                new SpaceDefinition.EdgeOperation(1, 2, "conv3x3"),
                new SpaceDefinition.EdgeOperation(0, 3, "skip"),
                new SpaceDefinition.EdgeOperation(1, 3, "none"),
                new SpaceDefinition.EdgeOperation(2, 3, "conv3x3"));
    }

    @Test
    void fileWithoutSectionIsTheSection() throws IOException {
        String bare = SPACE.replace("space:\n", "").replaceAll("(?m)^  ", "");

        assertThat(SpaceDefinitions.readFile(write("bare.yaml", bare)))
                .isEqualTo(SpaceDefinitions.readFile(write("s.yaml", SPACE)));
    }

    @Test
    void scalarsKeepTheirWrittenForm() throws IOException {
        SpaceDefinition definition = SpaceDefinitions.readFile(write("s.yaml", """
                space:
                  name: 2024
                  choices:
                    - {name: flag, type: categorical, values: [yes, no, on, 007, 1e-3, ~x]}
                """));

        assertThat(definition.name()).isEqualTo("2024");
        assertThat(definition.choices().get(0)).isEqualTo(new ChoiceDefinition.Categorical(
                "flag", List.of("yes", "no", "on", "007", "1e-3", "~x")));
    }

    @Test
    void generatedDefinitionsRoundTrip() throws IOException {
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            SpaceDefinition definition = randomDefinition(random);
            Path file = write("round" + i + ".yaml", SpaceDefinitions.toYaml(definition));

            SpaceDefinition fromYaml = SpaceDefinitions.readFile(file);
            SpaceDefinition fromJson = SpaceDefinitions.fromJson(
                    SpaceDefinitions.toJson(definition), "test");

            assertThat(fromYaml).as(Files.readString(file)).isEqualTo(definition);
            assertThat(fromJson).isEqualTo(definition);
            assertThat(fromYaml.toSpace()).isEqualTo(definition.toSpace());
        }
    }

    /**
     * Draws a valid definition: up to 4 choices of every kind and up to 2 cells, with names
     * and values that YAML could misread, such as {@code true}, {@code 1.5} or {@code null}.
     */
    private static SpaceDefinition randomDefinition(Random random) {
        List<String> words = List.of("relu", "true", "1.5", "null", "no", "x y", "a:b", "#c",
                "'q'", "-", "007", "conv-3x3", "é");
        List<ChoiceDefinition> choices = new ArrayList<>();
        int choiceCount = random.nextInt(5);
        for (int c = 0; c < choiceCount; c++) {
            String name = "c" + c;
            switch (random.nextInt(3)) {
                case 0 -> {
                    List<String> values = new ArrayList<>(words);
                    java.util.Collections.shuffle(values, random);
                    choices.add(new ChoiceDefinition.Categorical(name,
                            values.subList(0, 1 + random.nextInt(4))));
                }
                case 1 -> {
                    int low = random.nextInt(200) - 100;
                    choices.add(new ChoiceDefinition.IntRange(name, low,
                            low + random.nextInt(50), 1 + random.nextInt(5)));
                }
                default -> {
                    boolean log = random.nextBoolean();
                    double low = log ? Math.exp(random.nextGaussian() * 5)
                            : random.nextGaussian() * 100;
                    choices.add(new ChoiceDefinition.RealRange(name, low,
                            low + random.nextDouble() * 10, log));
                }
            }
        }
        List<CellDefinition> cells = new ArrayList<>();
        int cellCount = choiceCount == 0 ? 1 + random.nextInt(2) : random.nextInt(3);
        for (int c = 0; c < cellCount; c++) {
            cells.add(new CellDefinition("cell" + c, 2 + random.nextInt(4),
                    List.of("conv", "true", "none").subList(0, 1 + random.nextInt(3))));
        }
        return new SpaceDefinition("space-" + random.nextInt(1000), choices, cells);
    }

    @Test
    void badDefinitionsNameFileAndLine() throws IOException {
        String[][] cases = {
            {"  name: s\n", "line 1: space 's' has no choices and no cells"},
            {"  name: s\n  choices:\n    - {name: x, type: int, low: 5, high: 1}\n",
                "line 4: choice 'x' has low 5 above high 1"},
            {"  name: s\n  choices:\n    - {name: x, type: real, low: 0, high: 1, log: true}\n",
                "line 4: choice 'x' is log-scaled with low 0.0"},
            {"  name: s\n  choices:\n    - {name: x, type: categorical, values: []}\n",
                "line 4: choice 'x' has an empty value list"},
            {"  name: s\n  choices:\n    - {name: x, type: float, low: 0, high: 1}\n",
                "line 4: unknown type 'float' of choice 'x'; use one of categorical, int, real"},
            {"  name: s\n  choices:\n    - {name: x, type: int, low: 0, high: 1}\n"
                + "    - {name: x, type: int, low: 0, high: 2}\n",
                "line 5: the name 'x' is declared twice, first on line 4"},
            {"  name: s\n  choices:\n    - {name: x, type: int, low: 0, hihg: 1}\n",
                "line 4: unknown key 'hihg' in choice 'x'; did you mean 'high'?"},
            {"  name: s\n  choices:\n    - {name: x, type: int, low: 0.5, high: 1}\n",
                "line 4: 'low' is the number 0.5; expected an integer"},
            {"  name: s\n  cells:\n    - {name: c, nodes: 1, operations: [a]}\n",
                "line 4: cell 'c' has 1 nodes"},
            {"  name: nb201\n  choices:\n    - {name: x, type: int, low: 0, high: 1}\n",
                "space name 'nb201' is a built-in space"},
        };
        for (String[] bad : cases) {
            Path file = write("bad.yaml", "space:\n" + bad[0]);

            assertThatThrownBy(() -> SpaceDefinitions.readFile(file)).as(bad[0])
                    .isInstanceOf(UsageException.class)
                    .hasMessageStartingWith(file.toString())
                    .hasMessageContaining(bad[1]);
        }
    }
}
