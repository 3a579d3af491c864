package io.amoc.xmpp.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Decodes UTF-8 from a socket through one small byte buffer. The JDK's {@code InputStreamReader} keeps an 8 KB
 * byte buffer and a decoder per connection; an idle XMPP session needs a few hundred bytes. It also lets the
 * connection's reader wait for input ({@link #awaitInput()}) before it enters the XML parser, so that an idle
 * session parks on a shallow stack. Malformed input becomes U+FFFD, as the JDK's decoders do by default.
 */
final class Utf8Reader extends Reader {

    /** Bytes read from the socket at once; a stanza larger than this is read in several steps. */
    static final int BUFFER_BYTES = 512;
    private static final char REPLACEMENT = '\uFFFD';
    private static final int MIN_SUPPLEMENTARY = 0x10000;

    private final byte[] bytes = new byte[BUFFER_BYTES];
    private InputStream in;
    private int start;
    private int end;
    /** The second half of a surrogate pair that did not fit into the caller's array. */
    private char pendingLowSurrogate;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    /** Reads from {@code next} from now on (after STARTTLS); what was buffered from the old stream is dropped. */
    void switchTo(InputStream next) {
        in = next;
        start = 0;
        end = 0;
    }

    /** Whether decoded input is ready without touching the socket. */
    boolean hasBufferedInput() {
        return start < end || pendingLowSurrogate != 0;
    }

    /** Blocks until the socket has input; false at the end of the stream. */
    boolean awaitInput() throws IOException {
        return hasBufferedInput() || fill();
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pendingLowSurrogate != 0) {
            chars[offset] = pendingLowSurrogate;
            pendingLowSurrogate = 0;
            return 1;
        }
        if (start == end && !fill()) {
            return -1;
        }
        int written = decode(chars, offset, offset + length);
        while (written == 0) {                 // only a split multi-byte sequence was buffered
            if (!fill()) {
                chars[offset] = REPLACEMENT;   // the stream ended inside a sequence: its lead byte is malformed
                start++;
                return 1;
            }
            written = decode(chars, offset, offset + length);
        }
        return written;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads more bytes behind the ones still buffered; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(bytes, start, bytes, 0, end - start);
            end -= start;
            start = 0;
        }
        int read = in.read(bytes, end, bytes.length - end);
        if (read <= 0) {
            return false;
        }
        end += read;
        return true;
    }

    /** Decodes whole sequences into {@code chars[from..to)}; a sequence split by the buffer's end waits. */
    private int decode(char[] chars, int from, int to) {
        int out = from;
        while (start < end && out < to) {
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
            int available = Math.min(length, end - start);
            if (!continuationBytes(start + 1, start + available)) {
                chars[out++] = REPLACEMENT;
                start++;
                continue;
            }
            if (available < length) {
                break;                                     // the rest of the sequence has not arrived yet
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
