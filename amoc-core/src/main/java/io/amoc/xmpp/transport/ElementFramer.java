package io.amoc.xmpp.transport;

/**
 * Finds where the complete top-level elements of an XMPP stream end in its bytes, so that a connection's parser is
 * only ever given whole elements and never waits for input inside one: the stream's reader is then free to serve
 * other connections. It follows just enough of XML to tell markup from text: tags and their quoted attribute values,
 * comments, CDATA sections, processing instructions. Every character it looks at is ASCII, which UTF-8 never uses
 * inside a multi-byte sequence, so bytes are scanned as they arrive, split anywhere. The boundaries are the end of
 * the stream's opening tag, of each element directly inside the stream, and of the stream's closing tag.
 */
final class ElementFramer {

    private static final int TEXT = 0;
    private static final int TAG_OPENING = 1;
    private static final int START_TAG = 2;
    private static final int END_TAG = 3;
    private static final int QUOTED = 4;
    private static final int BANG = 5;
    private static final int COMMENT = 6;
    private static final int CDATA = 7;
    private static final int INSTRUCTION = 8;
    private static final int DECLARATION = 9;
    /** Inside {@code <stream:stream>}: elements at this depth are the stream's top-level elements. */
    private static final int STREAM_DEPTH = 1;
    /** Two {@code -} before {@code >} end a comment, two {@code ]} a CDATA section. */
    private static final int CLOSING_RUN = 2;

    private int state = TEXT;
    private int depth;
    private byte quote;
    /** In a start tag: the last byte was {@code /}. In a comment, CDATA or instruction: closing characters seen. */
    private int run;

    /** A new stream starts (after STARTTLS or SASL success): its opening tag comes next. */
    void restart() {
        state = TEXT;
        depth = 0;
        run = 0;
    }

    /**
     * Scans {@code bytes[from..to)}, continuing from where the previous call stopped.
     *
     * @return the index just past the last boundary in the range, or -1 when there is none
     */
    int scan(byte[] bytes, int from, int to) {
        int boundary = -1;
        for (int i = from; i < to; i++) {
            if (step(bytes[i])) {
                boundary = i + 1;
            }
        }
        return boundary;
    }

    /** Takes one byte; true when it ends a top-level element, the stream's opening tag or the stream. */
    private boolean step(byte b) {
        switch (state) {
            case TEXT -> state = b == '<' ? TAG_OPENING : TEXT;
            case TAG_OPENING -> opening(b);
            case START_TAG -> {
                return startTag(b);
            }
            case END_TAG -> {
                return b == '>' && endTag();
            }
            case QUOTED -> state = b == quote ? START_TAG : QUOTED;
            case BANG -> bang(b);
            case COMMENT -> closing(b, (byte) '-');
            case CDATA -> closing(b, (byte) ']');
            case INSTRUCTION -> {
                if (b == '>' && run == 1) {
                    state = TEXT;
                }
                run = b == '?' ? 1 : 0;
            }
            case DECLARATION -> state = b == '>' ? TEXT : DECLARATION;
            default -> throw new IllegalStateException("framer state " + state);
        }
        return false;
    }

    private void opening(byte b) {
        run = 0;
        state = switch (b) {
            case '/' -> END_TAG;
            case '!' -> BANG;
            case '?' -> INSTRUCTION;
            default -> START_TAG;
        };
    }

    private boolean startTag(byte b) {
        if (b == '"' || b == '\'') {
            quote = b;
            state = QUOTED;
            run = 0;
            return false;
        }
        if (b != '>') {
            run = b == '/' ? 1 : 0;
            return false;
        }
        state = TEXT;
        if (run == 1) {                      // <empty/>: a whole element when it sits directly in the stream
            return depth == STREAM_DEPTH;
        }
        depth++;
        return depth == STREAM_DEPTH;        // the stream's opening tag
    }

    private boolean endTag() {
        state = TEXT;
        depth = Math.max(0, depth - 1);
        return depth <= STREAM_DEPTH;
    }

    private void bang(byte b) {
        run = 0;
        state = switch (b) {
            case '-' -> COMMENT;
            case '[' -> CDATA;
            default -> DECLARATION;
        };
        if (state == COMMENT) {
            run = -1;                        // the second '-' of "<!--" opens the comment, it does not close it
        }
    }

    private void closing(byte b, byte closer) {
        if (b == '>' && run >= CLOSING_RUN) {
            state = TEXT;
        } else {
            run = b == closer ? run + 1 : 0;
        }
    }
}
