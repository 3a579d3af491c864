package io.amoc.shell.attach;

import java.util.Arrays;
import java.util.Optional;

/** What one frame of the attach protocol carries; the byte is what travels on the socket. */
public enum FrameKind {
    /** Client to daemon, first frame: the access token. */
    HELLO('H'),
    /** Client to daemon: one command line to run. */
    RUN('R'),
    /** Client to daemon: are you there? */
    PING('P'),
    /** Client to daemon: stop everything and exit. */
    STOP('S'),
    /** Client to daemon: what Tab offers at a cursor ("cursor\nline"); the answer is one suggestion a line. */
    COMPLETE('C'),
    /**
     * Client to daemon, while its command runs: cancel it (the client's Ctrl-C). It has no reply of its own: the
     * command's reply says it was cancelled, or what it did when it finished first.
     */
    CANCEL('X'),
    /** Daemon to client, while its command runs: a line the command tells of how it goes; its reply follows. */
    PROGRESS('M'),
    /** Daemon to client: the request succeeded; the text follows. */
    OK('O'),
    /** Daemon to client: the request failed; the one-line error follows. */
    ERROR('E');

    private final byte code;

    FrameKind(char code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    public static Optional<FrameKind> of(byte code) {
        return Arrays.stream(values()).filter(kind -> kind.code == code).findFirst();
    }
}
