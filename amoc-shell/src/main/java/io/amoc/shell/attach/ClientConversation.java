package io.amoc.shell.attach;

import io.amoc.shell.language.CommandRunner;
import io.amoc.shell.language.CompletionSource;
import io.amoc.shell.language.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * One attached client's conversation with the daemon, after its hello: requests are answered in the order they came,
 * one at a time; a command runs on a thread of its own, so that the client's {@link FrameKind#CANCEL} (its Ctrl-C)
 * can interrupt it meanwhile, and a client that goes away cancels its command too. Other clients' commands run at
 * the same time on their own threads: the command layer is safe to call concurrently.
 */
final class ClientConversation {

    private static final Logger log = LoggerFactory.getLogger(ClientConversation.class);

    private final Connection connection;
    private final CommandRunner runner;
    private final CompletionSource completions;
    private final Runnable stopRequested;
    /** The thread of the command that may be cancelled now; null between commands. Guarded by {@code this}. */
    private Thread cancellable;

    ClientConversation(Connection connection, CommandRunner runner, CompletionSource completions,
                       Runnable stopRequested) {
        this.connection = connection;
        this.runner = runner;
        this.completions = completions;
        this.stopRequested = stopRequested;
    }

    /** Serves the client until it goes away or asks the daemon to stop. */
    void run() throws IOException, InterruptedException {
        Thread command = null;
        try {
            while (true) {
                Frame request = connection.readOrNull();
                if (request == null) {
                    return;
                }
                if (request.kind() == FrameKind.CANCEL) {
                    cancel();
                    continue;
                }
                if (command != null) {
                    command.join();
                    command = null;
                }
                if (request.kind() == FrameKind.RUN) {
                    command = Thread.ofVirtual().name("amoc-attach-command").start(() -> runAndReply(request.text()));
                } else if (!answer(request)) {
                    return;
                }
            }
        } finally {
            cancel();
        }
    }

    /** Answers a request other than a command; false when the conversation ends with it. */
    private boolean answer(Frame request) throws IOException {
        switch (request.kind()) {
            case PING -> connection.write(new Frame(FrameKind.OK, "pong"));
            case COMPLETE -> connection.write(new Frame(FrameKind.OK, complete(request.text())));
            case STOP -> {
                log.info("an attached client asked the daemon to stop");
                connection.write(new Frame(FrameKind.OK, "stopping"));
                stopRequested.run();
                return false;
            }
            default -> connection.write(new Frame(FrameKind.ERROR,
                    "error: unexpected " + request.kind() + " frame (client and daemon of different versions?)"));
        }
        return true;
    }

    /** Interrupts the running command, if one runs; one that has just finished is left alone. */
    private synchronized void cancel() {
        if (cancellable != null) {
            log.info("an attached client cancelled its command");
            cancellable.interrupt();
        }
    }

    private void runAndReply(String line) {
        synchronized (this) {
            cancellable = Thread.currentThread();
        }
        Reply reply;
        try {
            reply = runner.run(line, this::tellProgress);
        } catch (RuntimeException e) {
            log.error("command failed inside the daemon: {}", line, e);
            reply = Reply.error("error: the daemon failed on this command: " + e + " (see the daemon's log)");
        } finally {
            synchronized (this) {
                cancellable = null;
            }
            Thread.interrupted();
        }
        try {
            connection.write(Frame.reply(reply));
        } catch (IOException e) {
            log.debug("an attached client went away before its reply: {}", e.toString());
        }
    }

    private void tellProgress(String line) {
        try {
            connection.write(new Frame(FrameKind.PROGRESS, line));
        } catch (IOException e) {
            log.debug("an attached client went away during its command: {}", e.toString());
        }
    }

    /** Completions never wait for a running command: they only read what the shell knows. */
    private String complete(String request) {
        int newline = request.indexOf('\n');
        try {
            int cursor = Integer.parseInt(request.substring(0, Math.max(0, newline)));
            return SuggestionText.of(completions.suggest(request.substring(newline + 1), cursor));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return "";
        } catch (RuntimeException e) {
            log.warn("completing an attached client's line failed", e);
            return "";
        }
    }
}
