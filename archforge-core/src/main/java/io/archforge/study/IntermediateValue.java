package io.archforge.study;

/**
 * A value reported while a trial runs, such as validation accuracy after an epoch.
 *
 * @param step the step (epoch, or another fidelity unit), from 0
 * @param metric the metric name
 * @param value the value
 */
public record IntermediateValue(int step, String metric, double value) {
}
