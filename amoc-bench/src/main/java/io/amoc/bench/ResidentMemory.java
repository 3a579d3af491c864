package io.amoc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The resident set size of this process, from /proc (0 where there is no /proc). */
final class ResidentMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final long BYTES_PER_KIB = 1024;

    private ResidentMemory() {
    }

    static long bytes() {
        return kib(STATUS) * BYTES_PER_KIB;
    }

    /** The resident set size of process {@code pid} in KiB (0 when it is gone). */
    static long kibOf(long pid) {
        return kib(Path.of("/proc", Long.toString(pid), "status"));
    }

    private static long kib(Path status) {
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
