package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.fuzz.CleanFailures;
import io.archforge.fuzz.Deadline;
import io.archforge.fuzz.FuzzTries;
import io.archforge.fuzz.Mutations;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Fuzzes the string form of every built-in search space: each text either parses into
 * an architecture whose own text parses back to it, or fails with an
 * {@link ArchitectureFormatException} that quotes it.
 */
@AddLifecycleHook(FuzzTries.class)
class ArchitectureFuzzProperties {

    /** The characters of the string forms, for random texts. */
    private static final String ALPHABET =
            "abcdefghijklmnopqrstuvwxyz_0123456789.-+=,|~ ABEINTXZ";

    private static final Map<String, SearchSpace> SPACES = new ConcurrentHashMap<>();

    /** A text offered to a space's parser; prints abbreviated in jqwik's report. */
    record SpaceText(String space, String text) {
        @Override
        public String toString() {
            return space + ": " + Mutations.abbreviate(text);
        }
    }

    @Property(tries = 100)
    void sampledTextRoundTrips(@ForAll("spaceNames") String name, @ForAll long seed) {
        SearchSpace space = space(name);
        Architecture sampled = space.sample(new SplittableRandom(seed));

        Architecture parsed = space.parse(sampled.text());

        assertThat(parsed).isEqualTo(sampled);
        assertThat(parsed.text()).isEqualTo(sampled.text());
    }

    @Property(tries = 600)
    void fuzzedTextParsesOrFailsCleanly(@ForAll("spaceTexts") SpaceText input) {
        SearchSpace space = space(input.space());

        Deadline.Outcome<Architecture> outcome =
                Deadline.run(input.text(), () -> space.parse(input.text()));
        CleanFailures.collect(outcome);

        if (outcome.returned()) {
            Architecture parsed = outcome.value();
            assertThat(space.parse(parsed.text())).isEqualTo(parsed);
        } else {
            String message = CleanFailures.requireDocumented(outcome,
                    ArchitectureFormatException.class, input.text());
            assertThat(message).startsWith("invalid ").contains(space.name());
        }
    }

    @Property(tries = 200)
    void spaceNameResolvesOrFailsCleanly(@ForAll("nameTexts") String name) {
        Deadline.Outcome<SearchSpace> outcome =
                Deadline.run(name, () -> SearchSpaces.byName(name));
        CleanFailures.collect(outcome);

        if (outcome.returned()) {
            assertThat(SearchSpaces.names()).contains(name);
        } else {
            String message = CleanFailures.requireDocumented(outcome,
                    IllegalArgumentException.class, name);
            assertThat(message).contains(name).contains("nb201");
        }
    }

    @Provide
    Arbitrary<String> spaceNames() {
        return Arbitraries.of(SearchSpaces.names());
    }

    @Provide
    Arbitrary<SpaceText> spaceTexts() {
        return spaceNames().flatMap(name -> Mutations.around(samples(name), ALPHABET)
                .map(text -> new SpaceText(name, text)));
    }

    @Provide
    Arbitrary<String> nameTexts() {
        return Mutations.around(spaceNames(), ALPHABET);
    }

    /** Returns the texts of architectures sampled from the space named {@code name}. */
    private static Arbitrary<String> samples(String name) {
        return Arbitraries.longs().map(seed -> space(name).sample(new SplittableRandom(seed))
                .text());
    }

    private static SearchSpace space(String name) {
        return SPACES.computeIfAbsent(name, SearchSpaces::byName);
    }
}
