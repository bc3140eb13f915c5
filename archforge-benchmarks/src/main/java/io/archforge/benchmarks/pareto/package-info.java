/**
 * A benchmark of multi-objective search strategies on NAS-Bench-201, test accuracy
 * against FLOPs: the exact Pareto front from the whole table, and IGD, IGD+ and
 * hypervolume of each study's Pareto set against it.
 */
package io.archforge.benchmarks.pareto;
