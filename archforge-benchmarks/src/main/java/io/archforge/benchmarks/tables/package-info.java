/** Tables of published benchmarks as architectures with measured values. */
package io.archforge.benchmarks.tables;
