package io.archforge.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.app.cli.UsageException;
import io.archforge.fuzz.CleanFailures;
import io.archforge.fuzz.Deadline;
import io.archforge.fuzz.FuzzTries;
import io.archforge.fuzz.Mutations;
import io.archforge.fuzz.TempFolders;
import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.declared.SpaceDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the YAML reader of {@code --config} and {@code --space-file}: the example
 * configurations, random documents and space sections, their mutations and random
 * text. Each file either reads or fails with a {@link UsageException} that names the
 * file, and a declared space that reads builds a space whose architectures round-trip.
 * Alias bombs and deep nesting are rejected without expanding or overflowing the stack.
 */
@AddLifecycleHook(FuzzTries.class)
class ConfigFuzzProperties {

    private static final Path FOLDER = TempFolders.create("archforge-config-fuzz");
    private static final AtomicInteger FILES = new AtomicInteger();

    /** A YAML file's text; prints abbreviated in jqwik's report. */
    record YamlText(String text) {
        @Override
        public String toString() {
            return Mutations.abbreviate(text);
        }
    }

    @AfterContainer
    static void deleteFolder() {
        TempFolders.deleteQuietly(FOLDER);
    }

    @Property(tries = 300)
    void yamlReadsOrFailsCleanly(@ForAll("documents") YamlText input) throws IOException {
        Path file = write(input.text());

        Deadline.Outcome<ConfigNode> outcome =
                Deadline.run(input.text(), () -> ConfigTrees.readYaml(file));
        CleanFailures.collect(outcome);

        if (!outcome.returned()) {
            String message = CleanFailures.requireDocumented(outcome, UsageException.class,
                    input.text());
            assertThat(message).contains(file.toString());
        }
        // SnakeYAML's buffer copies cost up to about 530 bytes a character at the size limit.
        CleanFailures.requireAllocatedAtMost(outcome, 1_000L * input.text().length()
                + (16 << 20), input.text());
    }

    @Property(tries = 300)
    void spaceFileReadsOrFailsCleanly(@ForAll("spaces") YamlText input) throws IOException {
        Path file = write(input.text());

        Deadline.Outcome<SpaceDefinition> outcome =
                Deadline.run(input.text(), () -> SpaceDefinitions.readFile(file));
        CleanFailures.collect(outcome);

        if (outcome.returned()) {
            SpaceDefinition definition = outcome.value();
            assertThat(SpaceDefinitions.fromJson(SpaceDefinitions.toJson(definition), "json"))
                    .isEqualTo(definition);
            ChoiceSpace space = definition.toSpace();
            Architecture sampled = space.sample(new SplittableRandom(input.text().hashCode()));
            assertThat(space.parse(sampled.text())).isEqualTo(sampled);
        } else {
            String message = CleanFailures.requireDocumented(outcome, UsageException.class,
                    input.text());
            assertThat(message).contains(file.toString());
        }
    }

    @Property(tries = 40)
    void aliasBombIsRejected(@ForAll @IntRange(min = 2, max = 12) int width,
            @ForAll @IntRange(min = 2, max = 9) int levels) throws IOException {
        String text = aliasBomb(width, levels);
        Path file = write(text);

        Deadline.Outcome<ConfigNode> outcome = Deadline.run(text, () -> ConfigTrees.readYaml(file));

        // An alias costs the list it names: the list itself and everything in it.
        long listValues = 1 + width;
        long aliasValues = 0;
        for (int level = 2; level <= levels; level++) {
            aliasValues += width * listValues;
            listValues = 1 + width * listValues;
        }
        if (aliasValues > ConfigTrees.MAX_ALIAS_VALUES) {
            String message = CleanFailures.requireDocumented(outcome, UsageException.class,
                    text);
            assertThat(message).contains("aliases expand to more than");
        } else {
            assertThat(outcome.failure()).isNull();
        }
        CleanFailures.requireAllocatedAtMost(outcome, 64L << 20, text);
    }

    @Property(tries = 30)
    void deepNestingIsRejected(@ForAll @IntRange(min = 65, max = 20_000) int depth,
            @ForAll("openers") String opener) throws IOException {
        String text = opener.repeat(depth) + "1\n";
        Path file = write(text);

        Deadline.Outcome<ConfigNode> outcome = Deadline.run(text, () -> ConfigTrees.readYaml(file));

        String message = CleanFailures.requireDocumented(outcome, UsageException.class, text);
        assertThat(message).contains(file.toString());
    }

    @Property(tries = 20)
    void secondDocumentIsRejected(@ForAll("examples") String first,
            @ForAll("examples") String second) throws IOException {
        String text = first + "\n---\n" + second;
        Path file = write(text);

        Deadline.Outcome<ConfigNode> outcome = Deadline.run(text, () -> ConfigTrees.readYaml(file));

        String message = CleanFailures.requireDocumented(outcome, UsageException.class, text);
        assertThat(message).contains(file.toString()).contains("second document");
    }

    @Provide
    Arbitrary<String> examples() {
        return Arbitraries.of(YamlSeeds.examples());
    }

    @Provide
    Arbitrary<YamlText> documents() {
        Arbitrary<String> seeds = Arbitraries.oneOf(Arbitraries.of(YamlSeeds.examples()),
                YamlSeeds.randomDocuments());
        return Mutations.around(seeds, YamlSeeds.ALPHABET).map(YamlText::new);
    }

    @Provide
    Arbitrary<YamlText> spaces() {
        Arbitrary<String> seeds = Arbitraries.oneOf(Arbitraries.of(YamlSeeds.examples().get(0)),
                YamlSeeds.spaceDocuments());
        return Mutations.around(seeds, YamlSeeds.ALPHABET).map(YamlText::new);
    }

    @Provide
    Arbitrary<String> openers() {
        return Arbitraries.of("[", "{a: ", "- ", "a:\n", "[{b: ");
    }

    /**
     * Returns a "billion laughs" document: an anchored list of {@code width} scalars, then
     * {@code levels - 1} lists of {@code width} aliases of the list before.
     */
    private static String aliasBomb(int width, int levels) {
        StringBuilder text = new StringBuilder("l1: &l1 [" + "lol, ".repeat(width - 1)
                + "lol]\n");
        for (int level = 2; level <= levels; level++) {
            String alias = "*l" + (level - 1);
            text.append('l').append(level).append(": &l").append(level).append(" [")
                    .append((alias + ", ").repeat(width - 1)).append(alias).append("]\n");
        }
        return text.toString();
    }

    private static Path write(String text) throws IOException {
        Path file = FOLDER.resolve("config-" + FILES.incrementAndGet() + ".yaml");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
