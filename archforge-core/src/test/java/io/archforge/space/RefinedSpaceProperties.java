package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class RefinedSpaceProperties {

    @Property(tries = 200)
    void nb201OperationsStayInside(@ForAll long seed) {
        checkStaysInside(CellSpace.nb201(), seed);
    }

    @Property(tries = 200)
    void macroOperationsStayInside(@ForAll long seed) {
        checkStaysInside(MacroSpace.create(), seed);
    }

    private static void checkStaysInside(SearchSpace base, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RefinedSpace refined = RefinedSpace.restrict(base, randomSubsets(base, random));

        Architecture sampled = refined.sample(random);
        Architecture outside = base.sample(random);

        assertThat(refined.contains(sampled)).isTrue();
        assertThat(refined.contains(refined.project(outside, random))).isTrue();
        if (refined.size() > 1) {
            assertThat(refined.contains(refined.mutate(sampled, random))).isTrue();
            assertThat(refined.contains(refined.mutate(outside, random))).isTrue();
        }
        assertThat(refined.neighbours(sampled)).allMatch(refined::contains);
        assertThat(refined.neighbours(outside)).allMatch(refined::contains);
    }

    /** Keeps a random non-empty subset of the values of each choice. */
    private static Map<String, List<String>> randomSubsets(SearchSpace space,
            SplittableRandom random) {
        Map<String, List<String>> allowed = new HashMap<>();
        for (Choice choice : space.choices()) {
            List<String> values = RefinedSpace.valueTexts(choice);
            List<String> kept = new ArrayList<>();
            for (String value : values) {
                if (random.nextInt(3) > 0) {
                    kept.add(value);
                }
            }
            if (kept.isEmpty()) {
                kept.add(values.get(random.nextInt(values.size())));
            }
            allowed.put(choice.name(), kept);
        }
        return allowed;
    }
}
