package io.archforge.torch.proxy;

/**
 * One proxy's score of one network and the wall-clock time it took, network building
 * included.
 *
 * @param proxy the proxy name
 * @param value the score
 * @param millis milliseconds spent
 */
public record ProxyScore(String proxy, double value, double millis) {
}
