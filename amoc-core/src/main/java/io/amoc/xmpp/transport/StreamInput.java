package io.amoc.xmpp.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * What a connection has received and not parsed yet, and the UTF-8 decoder its parser reads through. The parser is
 * given whole top-level elements only ({@link ElementFramer}): it never waits for input inside one, so a shared
 * reader can parse for many connections, and an idle session keeps no input buffer at all. Bytes come either from
 * a blocking stream ({@link #fill}, while logging in and under TLS) or from a shared reader's buffer ({@link
 * #receive}), which is used in place when nothing is pending and copied only when an element is incomplete.
 * Malformed UTF-8 becomes U+FFFD, as the JDK's decoders do by default.
 */
final class StreamInput extends Reader {

    /** Bytes read from a blocking stream at once; a larger stanza is read in several steps. */
    static final int READ_BYTES = 512;
    private static final byte[] NONE = new byte[0];
    private static final char REPLACEMENT = '\uFFFD';
    private static final int MIN_SUPPLEMENTARY = 0x10000;

    private final ElementFramer framer = new ElementFramer();
    private byte[] bytes = NONE;
    /** Bytes before {@code start} are decoded; up to {@code complete} they form whole elements; up to {@code end} read. */
    private int start;
    private int complete;
    private int end;
    /** {@code bytes} is a shared reader's buffer, lent for one {@link #receive}. */
    private boolean borrowed;
    /** The second half of a surrogate pair that did not fit into the caller's array. */
    private char pendingLowSurrogate;

    /** Reads once from a blocking stream into the pending bytes; false at the end of the stream. */
    boolean fill(InputStream in) throws IOException {
        makeRoom(READ_BYTES);
        int read = in.read(bytes, end, bytes.length - end);
        if (read < 0) {
            return false;
        }
        received(read);
        return true;
    }

    /**
     * Takes {@code length} bytes a shared reader read into {@code buffer}; with nothing pending they are used in
     * place until {@link #release()}, which must come before the reader reuses its buffer.
     */
    void receive(byte[] buffer, int length) {
        if (start == end) {
            holdNothingIn(buffer, true);
        } else {
            makeRoom(length);
            System.arraycopy(buffer, 0, bytes, end, length);
        }
        received(length);
    }

    /** Whether a whole element (or what is left of one) is there to decode. */
    boolean hasCompleteElement() {
        return start < complete || pendingLowSurrogate != 0;
    }

    /** Whether bytes are pending, whole elements or not. */
    boolean hasPendingBytes() {
        return start < end;
    }

    /** A new stream starts after SASL success: what follows is framed from its opening tag. */
    void restartStream() {
        framer.restart();
        complete = start;
        int boundary = framer.scan(bytes, start, end);
        if (boundary >= 0) {
            complete = boundary;
        }
    }

    /** The stream continues under TLS: nothing read so far belongs to it. */
    void discard() {
        framer.restart();
        holdNothingIn(NONE, false);
        pendingLowSurrogate = 0;
    }

    /**
     * Gives back what the input holds once everything is parsed (an idle session keeps no buffer), and copies an
     * incomplete element out of a borrowed buffer.
     */
    void release() {
        if (start == end) {
            holdNothingIn(NONE, false);
        } else if (borrowed || bytes.length > READ_BYTES && end - start <= READ_BYTES / 2) {
            byte[] own = new byte[Math.max(READ_BYTES, 2 * (end - start))];
            System.arraycopy(bytes, start, own, 0, end - start);
            shift(own);
            borrowed = false;
        }
    }

    /** Bytes held for this connection (0 for an idle session). */
    int heldBytes() {
        return borrowed ? 0 : bytes.length;
    }

    @Override
    public int read(char[] chars, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (pendingLowSurrogate != 0) {
            chars[offset] = pendingLowSurrogate;
            pendingLowSurrogate = 0;
            return 1;
        }
        if (start == complete) {
            return -1;                       // never asked for by the connection: it parses whole elements only
        }
        return decode(chars, offset, offset + length);
    }

    @Override
    public void close() {
        discard();
    }

    /** Empty, over {@code buffer} (lent by a shared reader when {@code lent}). */
    private void holdNothingIn(byte[] buffer, boolean lent) {
        bytes = buffer;
        start = 0;
        complete = 0;
        end = 0;
        borrowed = lent;
    }

    private void received(int length) {
        int from = end;
        end += length;
        int boundary = framer.scan(bytes, from, end);
        if (boundary >= 0) {
            complete = boundary;
        }
    }

    /** Room for {@code length} more bytes behind the pending ones (compacting or growing the array). */
    private void makeRoom(int length) {
        if (bytes.length - end >= length && !borrowed) {
            return;
        }
        int pending = end - start;
        byte[] target = bytes.length - pending >= length && !borrowed
                ? bytes : new byte[Math.max(READ_BYTES, Math.max(2 * bytes.length, pending + length))];
        System.arraycopy(bytes, start, target, 0, pending);
        shift(target);
        borrowed = false;
    }

    private void shift(byte[] target) {
        complete -= start;
        end -= start;
        start = 0;
        bytes = target;
    }

    /** Decodes the whole elements' bytes into {@code chars[from..to)}. */
    private int decode(char[] chars, int from, int to) {
        int out = from;
        while (start < complete && out < to) {
            int lead = bytes[start] & 0xFF;
            if (lead < 0x80) {
                chars[out++] = (char) lead;
                start++;
                continue;
            }
            int length = sequenceLength(lead);
            if (length == 0) {
                chars[out++] = REPLACEMENT;
                start++;
                continue;
            }
            int available = Math.min(length, complete - start);
            if (!continuationBytes(start + 1, start + available)) {
                chars[out++] = REPLACEMENT;
                start++;
                continue;
            }
            if (available < length) {                      // cut by an element's end: malformed
                chars[out++] = REPLACEMENT;
                start++;
                continue;
            }
            int codePoint = codePoint(lead, length);
            if (codePoint < 0) {
                chars[out++] = REPLACEMENT;
                start++;
                continue;
            }
            if (codePoint >= MIN_SUPPLEMENTARY) {
                chars[out++] = Character.highSurrogate(codePoint);
                if (out == to) {
                    pendingLowSurrogate = Character.lowSurrogate(codePoint);   // handed out by the next read
                    start += length;
                    break;
                }
                chars[out++] = Character.lowSurrogate(codePoint);
            } else {
                chars[out++] = (char) codePoint;
            }
            start += length;
        }
        return out - from;
    }

    private boolean continuationBytes(int from, int to) {
        for (int i = from; i < to; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;                                          // a continuation byte or an invalid lead
    }

    /** The code point of the sequence at {@code start}, or -1 when it is malformed (overlong, surrogate, bad tail). */
    private int codePoint(int lead, int length) {
        int codePoint = lead & (0xFF >> (length + 1));
        for (int i = 1; i < length; i++) {
            int next = bytes[start + i] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                return -1;
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        boolean overlong = (length == 3 && codePoint < 0x800) || (length == 4 && codePoint < MIN_SUPPLEMENTARY);
        boolean surrogate = codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
        return overlong || surrogate || codePoint > Character.MAX_CODE_POINT ? -1 : codePoint;
    }
}
