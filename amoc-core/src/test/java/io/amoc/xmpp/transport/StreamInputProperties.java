package io.amoc.xmpp.transport;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamInputProperties {

    private static final String STREAM_OPEN = "<stream:stream xmlns='jabber:client'>";

    @Property
    void anyTextInAnElementDecodesToItselfHoweverTheSocketSplitsItAndHoweverItIsRead(
            @ForAll("text") String text, @ForAll @IntRange(min = 1, max = 700) int chunk,
            @ForAll @IntRange(min = 1, max = 600) int readSize, @ForAll long seed) throws IOException {
        String document = STREAM_OPEN + "<message><body>" + text + "</body></message>";
        StreamInput input = new StreamInput();
        assertEquals(document, readAll(input, new Trickle(document.getBytes(StandardCharsets.UTF_8), chunk,
                new Random(seed)), readSize));
    }

    @Property
    void nothingIsDecodedBeforeItsElementIsComplete(@ForAll("text") String text) throws IOException {
        byte[] bytes = (STREAM_OPEN + "<message><body>" + text + "</body></message>").getBytes(StandardCharsets.UTF_8);
        StreamInput input = new StreamInput();
        input.receive(bytes, bytes.length - 1);
        assertEquals(STREAM_OPEN, readAll(input, new ByteArrayInputStream(new byte[0]), 64));
        byte[] last = {bytes[bytes.length - 1]};
        input.receive(last, 1);
        assertTrue(input.hasCompleteElement());
    }

    @Property
    void malformedBytesBecomeReplacementCharactersAndNeverAnError(@ForAll @Size(max = 300) List<Byte> raw)
            throws IOException {
        byte[] bytes = new byte[raw.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = raw.get(i) == '<' ? (byte) ' ' : raw.get(i);
        }
        byte[] open = (STREAM_OPEN + "<m>").getBytes(StandardCharsets.UTF_8);
        byte[] close = "</m>".getBytes(StandardCharsets.UTF_8);
        byte[] document = new byte[open.length + bytes.length + close.length];
        System.arraycopy(open, 0, document, 0, open.length);
        System.arraycopy(bytes, 0, document, open.length, bytes.length);
        System.arraycopy(close, 0, document, open.length + bytes.length, close.length);
        String decoded = readAll(new StreamInput(), new ByteArrayInputStream(document), 7);
        String text = decoded.substring(STREAM_OPEN.length() + 3, decoded.length() - 4);
        assertTrue(text.length() <= bytes.length, text);
        assertEquals(new String(bytes, StandardCharsets.UTF_8).replace("\uFFFD", "").codePoints().count(),
                text.replace("\uFFFD", "").codePoints().count());
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x800, 0xD7FF)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.filter(c -> c != '<').list().ofMaxSize(1500).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    /** Fills {@code input} from {@code in} as a connection does, decoding whatever whole elements it holds. */
    private static String readAll(StreamInput input, InputStream in, int readSize) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] chars = new char[readSize];
        do {
            while (input.hasCompleteElement()) {
                out.append(chars, 0, input.read(chars, 0, readSize));
            }
            input.release();
        } while (input.fill(in));
        return out.toString();
    }

    /** Hands out at most {@code chunk} bytes per read, a random number of them, as a socket does. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final int chunk;
        private final Random random;
        private int position;

        Trickle(byte[] bytes, int chunk, Random random) {
            this.bytes = bytes;
            this.chunk = chunk;
            this.random = random;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1 + random.nextInt(chunk)), bytes.length - position);
            System.arraycopy(bytes, position, into, offset, n);
            position += n;
            return n;
        }
    }
}
