package io.amoc.xmpp;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prosody started by {@code bin/xmpp-sandbox} on a free port in a temporary directory, once for all test
 * classes that use it, and stopped when the test run ends. Accounts user_1..user_{@value #USERS}.
 */
public final class XmppSandbox implements BeforeAllCallback {

    public static final int USERS = 1000;
    private static final long SCRIPT_TIMEOUT_SECONDS = 60;

    private static volatile Server server;

    /** The running sandbox (after the extension's {@code beforeAll}). */
    public static Server server() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (XmppSandbox.class) {
            if (server == null) {
                Server started = Server.start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(XmppSandbox.class, started);
                server = started;
            }
        }
    }

    /** One sandbox: its port and directory. */
    public record Server(int port, Path dir, Path script) implements ExtensionContext.Store.CloseableResource {

        static Server start() throws IOException, InterruptedException {
            Path script = projectDir().resolve("bin/xmpp-sandbox");
            Path dir = Files.createTempDirectory("amoc-xmpp-sandbox");
            int port = freePort();
            run(script, "start", "--users", Integer.toString(USERS), "--port", Integer.toString(port),
                    "--dir", dir.toString());
            return new Server(port, dir, script);
        }

        /** Client connections the server holds now, as the kernel sees them (established TCP on its port). */
        public long establishedSessions() throws IOException {
            return ServerSessions.established(port);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            run(script, "stop", "--dir", dir.toString());
            server = null;
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }

        private static void run(Path script, String... args) throws IOException, InterruptedException {
            List<String> command = new java.util.ArrayList<>(List.of(script.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("bin/xmpp-sandbox " + args[0] + " did not finish");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("bin/xmpp-sandbox " + String.join(" ", args) + " failed: " + output);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        public static Path projectDir() {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null && !Files.isExecutable(dir.resolve("bin/xmpp-sandbox"))) {
                dir = dir.getParent();
            }
            if (dir == null) {
                throw new IllegalStateException("bin/xmpp-sandbox not found above " + Path.of("").toAbsolutePath());
            }
            return dir;
        }
    }
}
