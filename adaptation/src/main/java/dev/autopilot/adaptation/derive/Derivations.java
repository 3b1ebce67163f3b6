package dev.autopilot.adaptation.derive;

/**
 * Where a cache interceptor or fill processor on a node finds what to derive for a cache: the node's plugin, which
 * follows the partition layouts.
 */
public interface Derivations {
    /** @return what to derive on a write to {@code cacheName} now, or {@code null} when nothing */
    RowDeriver forCache(String cacheName);
}
