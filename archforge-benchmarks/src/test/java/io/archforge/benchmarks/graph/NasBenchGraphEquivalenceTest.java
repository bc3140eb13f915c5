package io.archforge.benchmarks.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archforge.benchmarks.tables.NasBenchGraphTable;
import io.archforge.space.Architecture;
import io.archforge.space.NasBenchGraphSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NasBenchGraphEquivalenceTest {

    private static NasBenchGraphTable table;
    private static Map<String, List<Architecture>> groups;

    @BeforeAll
    static void groupEveryGeneVector() {
        table = NasBenchGraphTable.load("cora");
        groups = new HashMap<>();
        for (Architecture architecture : allGeneVectors()) {
            String key = NasBenchGraphEquivalence.representative(architecture).text();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(architecture);
        }
    }

    private static List<Architecture> allGeneVectors() {
        List<Architecture> all = new ArrayList<>();
        int operations = NasBenchGraphSpace.OPERATIONS.size();
        for (int pattern = 0; pattern < NasBenchGraphSpace.LINK_PATTERNS.size(); pattern++) {
            for (int code = 0; code < operations * operations * operations * operations; code++) {
                List<Number> genes = new ArrayList<>(List.of(pattern));
                int rest = code;
                for (int layer = 0; layer < NasBenchGraphSpace.LAYERS; layer++) {
                    genes.add(rest % operations);
                    rest /= operations;
                }
                all.add(NasBenchGraphSpace.create().of(genes));
            }
        }
        return all;
    }

    @Test
    void ruleGivesExactGroupCount() {
        assertEquals(59_049, groups.values().stream().mapToInt(List::size).sum());
        assertEquals(NasBenchGraphEquivalence.GROUPS, groups.size());
    }

    @Test
    void eachTableRowRepresentsOneGroup() {
        Set<String> rows = new HashSet<>();
        for (Architecture row : table.architectures()) {
            rows.add(row.text());
            assertEquals(row, NasBenchGraphEquivalence.representative(row),
                    "a table row must be its own representative: " + row.text());
        }
        assertEquals(NasBenchGraphTable.ARCHITECTURE_COUNT, rows.size());
        Set<String> unmatched = new HashSet<>(groups.keySet());
        unmatched.removeAll(rows);
        assertEquals(1, unmatched.size(), "groups without a row: " + unmatched);
        String identity = unmatched.iterator().next();
        assertTrue(identity.contains("op1=skip,op2=skip,op3=skip,op4=skip"), identity);
        assertEquals(9, groups.get(identity).size());
    }

    @Test
    void parallelLayersInAnyOrderMatch() {
        Architecture ordered = NasBenchGraphSpace.of("0000", List.of("gat", "gcn", "gin", "fc"));
        Architecture shuffled = NasBenchGraphSpace.of("0000", List.of("fc", "gin", "gat", "gcn"));
        assertEquals(ordered, NasBenchGraphEquivalence.representative(shuffled));
    }

    @Test
    void skipLayerMovesToFront() {
        Architecture chain = NasBenchGraphSpace.of("0123", List.of("gcn", "skip", "gin", "fc"));
        Architecture representative = NasBenchGraphEquivalence.representative(chain);
        assertEquals(NasBenchGraphSpace.of("0123", List.of("skip", "gcn", "gin", "fc")),
                representative);
        assertFalse(NasBenchGraphEquivalence.isIdentity(chain));
    }

    @Test
    void lookUpReturnsPercentValues() {
        NasBenchGraphEvaluator evaluator = new NasBenchGraphEvaluator(table);
        Architecture first = NasBenchGraphSpace.of("0000", List.of("gat", "gat", "gat", "gat"));
        var metrics = evaluator.evaluate(first, null).metrics();
        assertEquals(77.33333333333334, metrics.get(NasBenchGraphEvaluator.VALID_ACCURACY), 1e-9);
        assertEquals(79.7, metrics.get(NasBenchGraphEvaluator.TEST_ACCURACY), 1e-9);
        assertEquals(5.922238032023112, metrics.get(NasBenchGraphEvaluator.LATENCY_MS), 1e-9);
        assertEquals(1.736711, metrics.get(NasBenchGraphEvaluator.PARAMS), 1e-9);
    }
}
