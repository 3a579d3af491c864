/**
 * Whether a load generator can still be trusted: each node watches its own CPU (process and machine), the
 * virtual-thread scheduler's lag and its heap after GC, and calls itself overloaded above the limits, so that a
 * saturated generator is never taken for a slow server.
 */
package io.amoc.health;
