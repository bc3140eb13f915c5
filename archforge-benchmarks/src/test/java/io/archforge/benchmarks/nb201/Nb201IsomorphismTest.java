package io.archforge.benchmarks.nb201;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks the core's canonical form of cells against the benchmark: two cells share an
 * isomorphism key exactly when NAS-Bench-201 puts them in the same class.
 */
class Nb201IsomorphismTest {

    @Test
    void keyPartitionEqualsBenchmarkClasses() {
        Nb201Table table = Nb201Table.load();
        Map<String, Integer> classByKey = new HashMap<>();
        Map<Integer, String> keyByClass = new HashMap<>();
        for (int index = 0; index < table.size(); index++) {
            String key = table.architecture(index).isomorphismKey();
            int isoClass = table.isoClass(index);
            Integer seenClass = classByKey.putIfAbsent(key, isoClass);
            String seenKey = keyByClass.putIfAbsent(isoClass, key);
            String cell = "cell " + index + " " + table.architecture(index).text();
            assertThat(seenClass).as(cell + ": key shared with another benchmark class")
                    .isIn(null, isoClass);
            assertThat(seenKey).as(cell + ": benchmark class split over keys")
                    .isIn(null, key);
        }
        assertThat(classByKey).hasSize(6_466);
        assertThat(keyByClass).hasSize(6_466);
    }
}
