package io.amoc.metrics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real carbon-cache (Debian graphite-carbon) in the foreground, on free loopback ports, with its own storage,
 * a 1 s retention and whisper files read back with python3-whisper.
 */
final class CarbonCache implements AutoCloseable {

    private static final Path CARBON = Path.of("/usr/bin/carbon-cache");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int RETENTION_SECONDS = 600;

    private final Path dir;
    private final int linePort;
    private final Process process;

    private CarbonCache(Path dir, int linePort, Process process) {
        this.dir = dir;
        this.linePort = linePort;
        this.process = process;
    }

    static CarbonCache start(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(CARBON)) {
            throw new IllegalStateException(CARBON + " is missing: install the Debian package graphite-carbon");
        }
        int[] ports = freePorts(3);
        Files.createDirectories(dir.resolve("storage/whisper"));
        Files.createDirectories(dir.resolve("log"));
        Files.createDirectories(dir.resolve("pid"));
        Files.writeString(dir.resolve("carbon.conf"), String.join("\n",
                "[cache]", "STORAGE_DIR = " + dir.resolve("storage") + "/",
                "LOCAL_DATA_DIR = " + dir.resolve("storage/whisper") + "/",
                "WHITELISTS_DIR = " + dir.resolve("storage/lists") + "/",
                "CONF_DIR = " + dir + "/", "LOG_DIR = " + dir.resolve("log") + "/", "PID_DIR = " + dir.resolve("pid") + "/",
                "ENABLE_LOGROTATION = False", "USER =", "MAX_CACHE_SIZE = inf", "MAX_UPDATES_PER_SECOND = 100000",
                "MAX_CREATES_PER_MINUTE = 100000", "LINE_RECEIVER_INTERFACE = 127.0.0.1",
                "LINE_RECEIVER_PORT = " + ports[0], "ENABLE_UDP_LISTENER = False",
                "PICKLE_RECEIVER_INTERFACE = 127.0.0.1", "PICKLE_RECEIVER_PORT = " + ports[1],
                "CACHE_QUERY_INTERFACE = 127.0.0.1", "CACHE_QUERY_PORT = " + ports[2],
                "LOG_LISTENER_CONNECTIONS = False", "LOG_UPDATES = False", "LOG_CACHE_HITS = False",
                "WHISPER_AUTOFLUSH = True", ""));
        Files.writeString(dir.resolve("storage-schemas.conf"),
                "[all]\npattern = .*\nretentions = 1s:" + RETENTION_SECONDS + "s\n");
        Files.writeString(dir.resolve("storage-aggregation.conf"),
                "[all]\npattern = .*\nxFilesFactor = 0\naggregationMethod = last\n");
        Process process = new ProcessBuilder(CARBON.toString(), "--config=" + dir.resolve("carbon.conf"), "--debug",
                "start").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("carbon.out").toFile()).start();
        CarbonCache carbon = new CarbonCache(dir, ports[0], process);
        carbon.awaitListening();
        return carbon;
    }

    int linePort() {
        return linePort;
    }

    /** The whisper file of a metric path. */
    Path whisperFile(String metricPath) {
        return dir.resolve("storage/whisper").resolve(metricPath.replace('.', '/') + ".wsp");
    }

    /** The values stored in a whisper file over its whole retention, oldest first, gaps left out. */
    List<Double> values(String metricPath) throws IOException, InterruptedException {
        Path file = whisperFile(metricPath);
        if (!Files.exists(file)) {
            return List.of();
        }
        Process fetch = new ProcessBuilder(PYTHON.toString(), "-c",
                "import sys, time, whisper\n"
                        + "(_, values) = whisper.fetch(sys.argv[1], int(time.time()) - " + RETENTION_SECONDS + " + 5)\n"
                        + "print('\\n'.join(repr(v) for v in values if v is not None))",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(fetch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!fetch.waitFor(30, TimeUnit.SECONDS) || fetch.exitValue() != 0) {
            throw new IOException("whisper fetch of " + file + " failed: " + out);
        }
        List<Double> values = new ArrayList<>();
        out.lines().filter(l -> !l.isBlank()).forEach(l -> values.add(Double.parseDouble(l.trim())));
        return values;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("carbon-cache exited: " + Files.readString(dir.resolve("carbon.out")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), linePort), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IOException("carbon-cache did not listen on " + linePort + " within " + START_TIMEOUT);
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }
}
