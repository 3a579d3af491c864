package io.amoc.shell.attach;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Frames on a byte stream: one kind byte, the length of the text in bytes (4 bytes, big-endian), the text in UTF-8.
 * Lengths say where a frame ends, so texts of many lines, blank lines or any characters travel safely.
 */
public final class FrameCodec {

    /** The largest text a frame may carry; anything longer is a protocol error, not an allocation. */
    public static final int MAX_TEXT_BYTES = 16 * 1024 * 1024;

    private FrameCodec() {
    }

    public static void write(DataOutputStream out, Frame frame) throws IOException {
        byte[] text = frame.text().getBytes(StandardCharsets.UTF_8);
        if (text.length > MAX_TEXT_BYTES) {
            throw new ProtocolException("a frame of " + text.length + " bytes is longer than " + MAX_TEXT_BYTES);
        }
        out.writeByte(frame.kind().code());
        out.writeInt(text.length);
        out.write(text);
        out.flush();
    }

    /** The next frame; {@link EOFException} when the other side closed the stream between two frames. */
    public static Frame read(DataInputStream in) throws IOException {
        byte code = in.readByte();
        FrameKind kind = FrameKind.of(code)
                .orElseThrow(() -> new ProtocolException("unknown frame kind " + (code & 0xff)));
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT_BYTES) {
            throw new ProtocolException("a frame announces " + length + " bytes (at most " + MAX_TEXT_BYTES + ")");
        }
        byte[] text = in.readNBytes(length);
        if (text.length < length) {
            throw new ProtocolException("the stream ended inside a frame");
        }
        return new Frame(kind, new String(text, StandardCharsets.UTF_8));
    }
}
