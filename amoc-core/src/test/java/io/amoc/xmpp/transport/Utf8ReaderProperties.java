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

class Utf8ReaderProperties {

    @Property
    void anyTextDecodesToItselfHoweverTheSocketSplitsItAndHoweverItIsRead(
            @ForAll("text") String text, @ForAll @IntRange(min = 1, max = 700) int chunk,
            @ForAll @IntRange(min = 1, max = 600) int readSize, @ForAll long seed) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Utf8Reader reader = new Utf8Reader(new Trickle(bytes, chunk, new Random(seed)));
        assertEquals(text, readAll(reader, readSize));
    }

    @Property
    void malformedBytesBecomeReplacementCharactersAndNeverAnError(@ForAll @Size(max = 300) List<Byte> raw)
            throws IOException {
        byte[] bytes = new byte[raw.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = raw.get(i);
        }
        String decoded = readAll(new Utf8Reader(new ByteArrayInputStream(bytes)), 7);
        assertTrue(decoded.length() <= bytes.length, decoded);
        assertEquals(new String(bytes, StandardCharsets.UTF_8).replace("\uFFFD", "").codePoints().count(),
                decoded.replace("\uFFFD", "").codePoints().count());
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x800, 0xD7FF)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMaxSize(1500).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    private static String readAll(Utf8Reader reader, int readSize) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] chars = new char[readSize];
        for (int n = reader.read(chars, 0, readSize); n >= 0; n = reader.read(chars, 0, readSize)) {
            out.append(chars, 0, n);
        }
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
