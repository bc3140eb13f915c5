/**
 * Latency predictors: an operation lookup table that sums per-kernel latencies, measured
 * on the device or fitted to whole networks by non-negative least squares
 * ({@link io.archforge.latency.LookupPredictor}); performance predictors fitted to log
 * latency, optionally on top of the table
 * ({@link io.archforge.latency.LearnedLatencyPredictor}); and transfer from source
 * devices with a few target measurements
 * ({@link io.archforge.latency.TransferLatencyPredictor}). Every predictor reports
 * milliseconds. Timing kernels and networks needs an engine and lives in the torch
 * module.
 */
package io.archforge.latency;
