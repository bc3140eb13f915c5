/**
 * Hardware cost of an inference that needs no deep-learning engine: peak memory from
 * the live activation tensors of a forward pass, and a model-based energy estimate.
 * Megabytes (MB) are 10^6 bytes.
 */
package io.archforge.hardware;
