package io.amoc.shell.attach;

import io.amoc.shell.language.CommandRunner;
import io.amoc.shell.language.CompletionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The daemon's side of attach: a Unix-domain socket (permissions 0600) where each client first shows the access
 * token, then sends command lines and gets one reply each ({@link ClientConversation}). Every client talks to the
 * same {@link CommandRunner}, so two attached shells see the same state; their commands run at the same time, and
 * each client may cancel its own.
 */
public final class DaemonServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DaemonServer.class);

    private final Path socketFile;
    private final ServerSocketChannel server;
    private final ClientPolicy policy;
    private final CommandRunner runner;
    private final CompletionSource completions;
    private final Runnable stopRequested;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private DaemonServer(Path socketFile, ServerSocketChannel server, ClientPolicy policy, CommandRunner runner,
                         CompletionSource completions, Runnable stopRequested) {
        this.socketFile = socketFile;
        this.server = server;
        this.policy = policy;
        this.runner = runner;
        this.completions = completions;
        this.stopRequested = stopRequested;
    }

    /**
     * Binds {@code socketFile} (replacing a stale one: the caller holds the daemon's lock) and starts accepting.
     * {@code stopRequested} runs when an authenticated client asks the daemon to stop.
     */
    public static DaemonServer start(Path socketFile, AccessToken token, CommandRunner runner, Runnable stopRequested)
            throws IOException {
        return start(socketFile, token, runner, (line, cursor) -> List.of(), stopRequested);
    }

    /** As {@link #start(Path, AccessToken, CommandRunner, Runnable)}, answering clients' Tab with {@code completions}. */
    public static DaemonServer start(Path socketFile, AccessToken token, CommandRunner runner,
                                     CompletionSource completions, Runnable stopRequested) throws IOException {
        Files.deleteIfExists(socketFile);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socketFile));
            Files.setPosixFilePermissions(socketFile, AccessToken.OWNER_ONLY);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on " + socketFile + ": " + e.getMessage()
                    + " (a Unix socket path must be shorter than about 100 characters)", e);
        }
        DaemonServer daemon = new DaemonServer(socketFile, server, new ClientPolicy(token), runner, completions,
                stopRequested);
        Thread.ofPlatform().daemon().name("amoc-attach-accept").start(daemon::acceptLoop);
        log.info("listening for attach on {}", socketFile);
        return daemon;
    }

    public Path socketFile() {
        return socketFile;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                clients.add(client);
                Thread.ofVirtual().name("amoc-attach-client").start(() -> serve(client));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    log.warn("accepting an attach connection failed", e);
                }
            }
        }
    }

    private void serve(SocketChannel channel) {
        try (channel; Connection connection = new Connection(channel)) {
            if (policy.admit(channel, connection)) {
                new ClientConversation(connection, runner, completions, stopRequested).run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!closed) {
                log.debug("an attached client went away: {}", e.toString());
            }
        } finally {
            clients.remove(channel);
        }
    }

    /** Stops accepting, drops every client and removes the socket file. */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (SocketChannel client : clients) {
            client.close();
        }
        Files.deleteIfExists(socketFile);
    }
}
