/**
 * Values of weight-sharing search that need no tensor library: the architecture
 * weights of differentiable search, the cell they derive, and the guard against a
 * collapse into parameter-free operations.
 */
package io.archforge.oneshot;
