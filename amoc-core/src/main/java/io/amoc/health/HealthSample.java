package io.amoc.health;

import java.io.Serializable;

/**
 * One reading of a generator's health.
 *
 * @param atMillis        when it was taken (epoch ms)
 * @param processCpu      this JVM's share of all the machine's CPUs, 0..1 (negative when unknown)
 * @param machineCpu      the whole machine's CPU use, 0..1 (negative when unknown)
 * @param lagP99Micros    p99 of the virtual-thread scheduler's lag over the last probe window, µs
 * @param heapAfterGc     heap in use after the last GC as a share of the maximum heap, 0..1 (negative when unknown)
 */
public record HealthSample(long atMillis, double processCpu, double machineCpu, long lagP99Micros, double heapAfterGc)
        implements Serializable {

    /** The higher of the process's and the machine's CPU use (either saturates the generator). */
    public double cpu() {
        return Math.max(processCpu, machineCpu);
    }
}
