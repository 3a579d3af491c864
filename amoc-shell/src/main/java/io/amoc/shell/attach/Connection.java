package io.amoc.shell.attach;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/** Frames over one socket channel, from either side. */
final class Connection implements AutoCloseable {

    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;

    Connection(SocketChannel channel) {
        this.channel = channel;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
    }

    /** Writes one frame whole; safe from several threads (a client's Ctrl-C writes while its request waits). */
    synchronized void write(Frame frame) throws IOException {
        FrameCodec.write(out, frame);
    }

    Frame read() throws IOException {
        return FrameCodec.read(in);
    }

    /** The next frame, or null when the other side closed the connection cleanly. */
    Frame readOrNull() throws IOException {
        try {
            return read();
        } catch (EOFException e) {
            return null;
        }
    }

    /** One request and its reply. */
    Frame exchange(Frame request) throws IOException {
        write(request);
        return read();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
