package io.amoc.xmpp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Counts established TCP connections on a local server port from /proc/net/tcp (what the server holds). */
final class ServerSessions {

    private static final String ESTABLISHED = "01";
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private ServerSessions() {
    }

    static long established(int port) throws IOException {
        String localPort = ":" + String.format(Locale.ROOT, "%04X", port);
        long count = 0;
        for (Path table : TABLES) {
            if (!Files.exists(table)) {
                continue;
            }
            try (var lines = Files.lines(table)) {
                count += lines.skip(1).map(String::trim).map(line -> line.split("\\s+"))
                        .filter(fields -> fields[1].endsWith(localPort) && fields[3].equals(ESTABLISHED))
                        .count();
            }
        }
        return count;
    }
}
