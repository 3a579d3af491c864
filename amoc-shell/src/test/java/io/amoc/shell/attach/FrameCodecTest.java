package io.amoc.shell.attach;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameCodecTest {

    @Test
    void framesOfManyLinesBlankLinesAndAnyCharactersComeBackExactly() throws IOException {
        List<Frame> frames = List.of(
                new Frame(FrameKind.OK, "node    users\nlocal   10\n\n\nlast line"),
                new Frame(FrameKind.ERROR, ""),
                new Frame(FrameKind.RUN, "config.set(greeting, \"héllo ✓ 日本\")"),
                new Frame(FrameKind.OK, "\n"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Frame frame : frames) {
            FrameCodec.write(out, frame);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        for (Frame frame : frames) {
            assertEquals(frame, FrameCodec.read(in));
        }
        assertThrows(EOFException.class, () -> FrameCodec.read(in));
    }

    @Test
    void aLengthAboveTheLimitIsRefusedBeforeAnythingIsAllocated() {
        byte[] header = {'O', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> FrameCodec.read(new DataInputStream(new ByteArrayInputStream(header))));
        assertTrue(e.getMessage().contains("at most"), e.getMessage());
    }

    @Test
    void anUnknownKindIsAProtocolError() {
        byte[] frame = {'Z', 0, 0, 0, 0};
        assertThrows(ProtocolException.class,
                () -> FrameCodec.read(new DataInputStream(new ByteArrayInputStream(frame))));
    }

    @Test
    void aStreamThatEndsInsideAFrameIsAProtocolError() {
        byte[] frame = {'O', 0, 0, 0, 10, 'a', 'b'};
        assertThrows(ProtocolException.class,
                () -> FrameCodec.read(new DataInputStream(new ByteArrayInputStream(frame))));
    }
}
