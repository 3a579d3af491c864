package io.amoc.shell.attach;

import io.amoc.shell.language.CommandRunner;
import io.amoc.shell.language.CompletionSource;
import io.amoc.shell.language.Reply;
import io.amoc.shell.language.Suggestion;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A connection to a running master daemon that runs command lines there: the {@link CommandRunner} behind
 * {@code attach} and {@code eval}. Replies come back exactly as the daemon's shell gave them.
 */
public final class DaemonClient implements CommandRunner, CompletionSource, AutoCloseable {

    private final AttachPoint files;
    private final Connection connection;
    private volatile boolean lost;

    private DaemonClient(AttachPoint files, Connection connection) {
        this.files = files;
        this.connection = connection;
    }

    /** Connects and shows the token from the daemon's token file. */
    public static DaemonClient connect(AttachPoint files) throws DaemonNotRunningException, AccessRefusedException {
        AccessToken token = readToken(files);
        return connect(files, token);
    }

    /** Connects with the given token (tests use it to show that a wrong one is refused). */
    public static DaemonClient connect(AttachPoint files, AccessToken token)
            throws DaemonNotRunningException, AccessRefusedException {
        if (!Files.exists(files.socketFile())) {
            throw notRunning(files, null);
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new DaemonNotRunningException("cannot open a Unix-domain socket: " + e.getMessage(), e);
        }
        try {
            channel.connect(UnixDomainSocketAddress.of(files.socketFile()));
        } catch (IOException e) {
            closeQuietly(channel);
            throw notRunning(files, e);
        }
        Connection connection = new Connection(channel);
        try {
            Frame answer = connection.exchange(new Frame(FrameKind.HELLO, token.value()));
            if (answer.kind() != FrameKind.OK) {
                closeQuietly(channel);
                throw new AccessRefusedException(answer.text());
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new AccessRefusedException("the daemon closed the connection during the hello: " + e.getMessage(), e);
        }
        return new DaemonClient(files, connection);
    }

    private static AccessToken readToken(AttachPoint files) throws DaemonNotRunningException, AccessRefusedException {
        try {
            return AccessToken.readFrom(files.tokenFile());
        } catch (NoSuchFileException e) {
            throw notRunning(files, e);
        } catch (AccessDeniedException e) {
            throw new AccessRefusedException("cannot read " + files.tokenFile()
                    + ": permission denied (attach as the OS user who started amoc)", e);
        } catch (IOException e) {
            throw new AccessRefusedException("cannot read " + files.tokenFile() + ": " + e.getMessage(), e);
        }
    }

    private static DaemonNotRunningException notRunning(AttachPoint files, Exception cause) {
        return new DaemonNotRunningException("amoc is not running (nothing answers on " + files.socketFile()
                + "); start it with: bin/amoc start", cause);
    }

    @Override
    public Reply run(String line) {
        return run(line, told -> { });
    }

    /** Runs {@code line} in the daemon; each {@link FrameKind#PROGRESS} frame before its reply goes to progress. */
    @Override
    public Reply run(String line, Consumer<String> progress) {
        try {
            connection.write(new Frame(FrameKind.RUN, line));
            Frame answer = connection.read();
            while (answer.kind() == FrameKind.PROGRESS) {
                progress.accept(answer.text());
                answer = connection.read();
            }
            return answer.toReply();
        } catch (IOException e) {
            return lostWith(e);
        }
    }

    /** "pong" if the daemon answers. */
    public Reply ping() {
        return request(new Frame(FrameKind.PING, ""));
    }

    /** What Tab offers at {@code cursor} of {@code line}, as the daemon's shell computes it (empty if it cannot tell). */
    @Override
    public List<Suggestion> suggest(String line, int cursor) {
        Reply reply = request(new Frame(FrameKind.COMPLETE, SuggestionText.request(line, cursor)));
        return reply.ok() ? SuggestionText.parse(reply.text()) : List.of();
    }

    /**
     * Cancels the command this client is waiting for (its Ctrl-C), from any thread: the daemon interrupts it, and
     * the command's reply says so. Does nothing when no command runs, or once the connection is lost.
     */
    public void cancel() {
        if (lost) {
            return;
        }
        try {
            connection.write(new Frame(FrameKind.CANCEL, ""));
        } catch (IOException e) {
            lost = true;
        }
    }

    /** Asks the daemon to stop everything and exit; it answers before it goes. */
    public Reply stop() {
        return request(new Frame(FrameKind.STOP, ""));
    }

    private Reply request(Frame frame) {
        try {
            return connection.exchange(frame).toReply();
        } catch (IOException e) {
            return lostWith(e);
        }
    }

    private Reply lostWith(IOException e) {
        lost = true;
        return Reply.error("error: lost the connection to the daemon (" + e.getMessage()
                + "); is it still running? see " + files.logFile());
    }

    /** True once the connection broke (the daemon stopped or died): nothing more can be run through it. */
    public boolean lost() {
        return lost;
    }

    /** Closes the connection; the daemon and its users keep running. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException ignored) {
            // the connection is gone either way
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing; the first error is the one to report
        }
    }
}
