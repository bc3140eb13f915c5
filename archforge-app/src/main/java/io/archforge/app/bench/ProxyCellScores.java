package io.archforge.app.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The proxy scores of one NAS-Bench-201 cell in the proxy benchmark, with its test
 * accuracy and, for cells of the stored table, the stored scores.
 *
 * @param index the NAS-Bench-201 index
 * @param architecture the cell string
 * @param stored whether the cell is in the stored 725-cell table
 * @param sampled whether the cell is among the sampled cells
 * @param testAccuracy the 200-epoch test accuracy in percent
 * @param values each proxy's score, NaN when it failed
 * @param millis each proxy's time in milliseconds
 * @param storedValues the stored score of each proxy, NaN when missing or not stored
 */
record ProxyCellScores(int index, String architecture, boolean stored, boolean sampled,
        double testAccuracy, Map<String, Double> values, Map<String, Double> millis,
        Map<String, Double> storedValues) {

    ProxyCellScores {
        values = new LinkedHashMap<>(values);
        millis = new LinkedHashMap<>(millis);
        storedValues = new LinkedHashMap<>(storedValues);
    }
}
