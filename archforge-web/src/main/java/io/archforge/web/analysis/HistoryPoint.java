package io.archforge.web.analysis;

/**
 * One point of an optimisation history.
 *
 * @param trial the trial number
 * @param value the trial's value of the objective
 * @param best the best value of the objective over this and all earlier points
 */
public record HistoryPoint(int trial, double value, double best) {
}
