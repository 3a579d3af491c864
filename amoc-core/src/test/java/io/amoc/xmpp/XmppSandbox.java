package io.amoc.xmpp;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Real XMPP servers started by {@code bin/xmpp-sandbox} on free loopback ports in temporary directories.
 *
 * <p>As a JUnit extension it starts one sandbox with {@value #USERS} accounts, once for all test classes that use
 * it, and stops it when the test run ends. The server is Prosody unless the system property
 * {@value #SERVER_PROPERTY} says {@code ejabberd}; the build runs the XMPP tests once against each. A test that
 * needs other options starts a sandbox of its own with {@link #start(Options)} and closes it.
 */
public final class XmppSandbox implements BeforeAllCallback {

    public static final int USERS = 1000;
    public static final String SERVER_PROPERTY = "amoc.test.xmpp.server";
    private static final Set<String> SERVERS = Set.of("prosody", "ejabberd");
    private static final long SCRIPT_TIMEOUT_SECONDS = 90;
    private static final int PORT_ATTEMPTS = 100;

    private static volatile Server server;

    /** The running shared sandbox (after the extension's {@code beforeAll}). */
    public static Server server() {
        return server;
    }

    /** The server the XMPP tests run against: {@code prosody} (default) or {@code ejabberd}. */
    public static String serverKind() {
        String kind = System.getProperty(SERVER_PROPERTY, "prosody");
        if (!SERVERS.contains(kind)) {
            throw new IllegalStateException(SERVER_PROPERTY + " is '" + kind + "'; use one of " + SERVERS);
        }
        return kind;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (XmppSandbox.class) {
            if (server == null) {
                Server started = start(Options.defaults());
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(XmppSandbox.class, started);
                server = started;
            }
        }
    }

    /** Starts a sandbox of its own; the caller closes it. */
    public static Server start(Options options) throws IOException, InterruptedException {
        Path script = Server.projectDir().resolve("bin/xmpp-sandbox");
        Path dir = Files.createTempDirectory("amoc-xmpp-sandbox");
        int port = freeConsecutivePorts(options.instances());
        List<String> args = new ArrayList<>(List.of("start", "--server", options.server(),
                "--users", Integer.toString(options.users()), "--port", Integer.toString(port),
                "--instances", Integer.toString(options.instances()), "--dir", dir.toString()));
        if (options.server().equals("ejabberd")) {
            args.addAll(List.of("--dist-port", Integer.toString(freeConsecutivePorts(options.instances()))));
        }
        args.addAll(options.flags());
        Run started = run(script, args);
        if (started.exitCode() != 0) {
            throw new IllegalStateException("bin/xmpp-sandbox " + String.join(" ", args) + " failed: " + started.output());
        }
        return new Server(options.server(), port, options.instances(), dir, script, started.output(), List.copyOf(args));
    }

    /**
     * What to start: the server, the number of accounts and of instances, and further flags of
     * {@code bin/xmpp-sandbox start} (e.g. {@code --require-tls}, {@code --nagle off}).
     */
    public record Options(String server, int users, int instances, List<String> flags) {

        public static Options defaults() {
            return new Options(serverKind(), USERS, 1, List.of());
        }

        public Options users(int count) {
            return new Options(server, count, instances, flags);
        }

        public Options instances(int count) {
            return new Options(server, users, count, flags);
        }

        public Options with(String... more) {
            List<String> all = new ArrayList<>(flags);
            all.addAll(List.of(more));
            return new Options(server, users, instances, List.copyOf(all));
        }
    }

    /**
     * One sandbox: its server kind, first port, instances and directory, what {@code start} printed, and the arguments
     * it was started with.
     */
    public record Server(String kind, int port, int instances, Path dir, Path script, String startOutput,
                         List<String> startArgs) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        /** Stops the server processes (an outage); {@link #startAgain()} brings them back with the same options. */
        public void stopServer() throws IOException, InterruptedException {
            Run stopped = run(script, List.of("stop", "--dir", dir.toString()));
            if (stopped.exitCode() != 0) {
                throw new IllegalStateException("bin/xmpp-sandbox stop failed: " + stopped.output());
            }
        }

        /** Starts the servers again as they were started, on the same ports and directory. */
        public void startAgain() throws IOException, InterruptedException {
            Run started = run(script, startArgs);
            if (started.exitCode() != 0) {
                throw new IllegalStateException("bin/xmpp-sandbox start failed again: " + started.output());
            }
        }

        /** The client port of instance {@code instance} (1-based): consecutive from {@link #port()}. */
        public int port(int instance) {
            return port + instance - 1;
        }

        /** The configuration file the script generated for instance {@code instance}. */
        public Path config(int instance) {
            return dir.resolve("instance-" + instance).resolve(kind.equals("prosody") ? "prosody.cfg.lua" : "ejabberd.yml");
        }

        /** Client connections the server holds now, as the kernel sees them (established TCP on its first port). */
        public long establishedSessions() throws IOException {
            return ServerSessions.established(port);
        }

        /** What {@code bin/xmpp-sandbox status} prints, with its exit code. */
        public Run status() throws IOException, InterruptedException {
            return run(script, List.of("status", "--dir", dir.toString()));
        }

        /** The project directory: the nearest directory above the working directory holding bin/xmpp-sandbox. */
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

        @Override
        public void close() throws IOException, InterruptedException {
            Run stopped = run(script, List.of("stop", "--dir", dir.toString()));
            if (server == this) {
                server = null;
            }
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            if (stopped.exitCode() != 0) {
                throw new IllegalStateException("bin/xmpp-sandbox stop failed: " + stopped.output());
            }
        }
    }

    /** A finished run of the script: exit code and output (stdout and stderr). */
    public record Run(int exitCode, String output) {
    }

    /** Runs {@code bin/xmpp-sandbox} with these arguments and waits for it. */
    public static Run run(Path script, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/xmpp-sandbox " + args.getFirst() + " did not finish");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The first of {@code count} consecutive loopback ports that are free now. */
    static int freeConsecutivePorts(int count) throws IOException {
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int first;
            try (ServerSocket socket = new ServerSocket(0)) {
                first = socket.getLocalPort();
            }
            if (first + count - 1 <= 65535 && allFree(first + 1, count - 1)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found");
    }

    private static boolean allFree(int from, int count) {
        for (int port = from; port < from + count; port++) {
            try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // free
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
