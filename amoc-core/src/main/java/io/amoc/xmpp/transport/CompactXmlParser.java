package io.amoc.xmpp.transport;

import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smack.xml.XmlPullParserFactory;
import org.jivesoftware.smack.xml.xpp3.Xpp3XmlPullParser;
import org.xmlpull.mxp1.MXParser;

import java.io.Reader;
import java.util.Arrays;

/**
 * XPP3's pull parser with buffers sized for an XMPP session. XPP3 starts every parser with two 8K-char buffers
 * (32 KB) and grows its text buffer to 16K chars at the first escaped character; an idle session needs a few
 * hundred chars. Here the input buffer starts at {@value #BUFFER_CHARS} chars and the text buffer at
 * {@value #TEXT_CHARS}; both grow for a large stanza as XPP3 grows them and {@link #shrink()} gives the room back
 * between stanzas. XPP3 has no entity limits, unlike the JDK's StAX parser, which counts entities over the whole
 * stream (one XML document) and drops a connection after about 100,000 escaped characters.
 */
final class CompactXmlParser extends MXParser {

    /** Input buffer of an idle parser, in chars. */
    static final int BUFFER_CHARS = 512;
    /** Buffer for text with entities (e.g. {@code &amp;}) of an idle parser, in chars. */
    static final int TEXT_CHARS = 64;
    private static final char[] NO_CHARS = new char[0];
    private static final String FEATURE_XML_ROUNDTRIP = "http://xmlpull.org/v1/doc/features.html#xml-roundtrip";
    private static final int PERCENT = 100;
    /** Slots of the names seen (a power of two): an XMPP session uses a few dozen namespaces. */
    private static final int NAME_SLOTS = 1024;
    private static final String[] NAMES_SEEN = new String[NAME_SLOTS];

    /** Smack's parser factory over this parser, for every connection of the JVM. */
    static final XmlPullParserFactory FACTORY = new XmlPullParserFactory() {
        @Override
        public XmlPullParser newXmlPullParser(Reader reader) throws XmlPullParserException {
            CompactXmlParser parser = new CompactXmlParser();
            parser.restart(reader, false);
            return parser.forSmack();
        }
    };

    private final Xpp3XmlPullParser smackView = new Xpp3XmlPullParser(this);

    CompactXmlParser() {
        buf = new char[BUFFER_CHARS];
        bufSoftLimit = bufLoadFactor * BUFFER_CHARS / PERCENT;
        pc = new char[TEXT_CHARS];
        try {
            setFeature(FEATURE_PROCESS_NAMESPACES, true);
            setFeature(FEATURE_XML_ROUNDTRIP, true);   // Smack reads unknown elements back as XML with it
        } catch (org.xmlpull.v1.XmlPullParserException e) {
            throw new IllegalStateException("XPP3 without namespaces or round trip", e);
        }
    }

    /** This parser as Smack's parser interface. */
    XmlPullParser forSmack() {
        return smackView;
    }

    /**
     * Starts a new document on {@code reader} (a new stream after STARTTLS or SASL). With {@code keepUnread}, chars
     * already buffered but not parsed stay in front of what the reader gives next.
     */
    void restart(Reader reader, boolean keepUnread) throws XmlPullParserException {
        char[] unread = keepUnread && pos < bufEnd ? Arrays.copyOfRange(buf, pos, bufEnd) : null;
        try {
            setInput(reader);
        } catch (org.xmlpull.v1.XmlPullParserException e) {
            throw new XmlPullParserException(e);
        }
        if (unread != null) {
            if (unread.length > buf.length) {
                buf = new char[unread.length * 2];
                bufSoftLimit = bufLoadFactor * buf.length / PERCENT;
            }
            System.arraycopy(unread, 0, buf, 0, unread.length);
            bufEnd = unread.length;
        }
    }

    /** Whether chars are buffered that have not been parsed yet. */
    boolean hasBufferedInput() {
        return pos < bufEnd;
    }

    /**
     * Gives back the room a large stanza took. Call it only between top-level elements, when the current event is
     * no longer needed: the next event starts where this one ended, as XPP3's own compaction assumes.
     */
    void shrink() {
        if (pc.length > BUFFER_CHARS) {
            pc = new char[TEXT_CHARS];
            pcStart = 0;
            pcEnd = 0;
        }
        int unread = bufEnd - posEnd;
        if (buf.length <= BUFFER_CHARS || unread > BUFFER_CHARS / 2 || preventBufferCompaction) {
            return;
        }
        char[] small = new char[BUFFER_CHARS];
        System.arraycopy(buf, posEnd, small, 0, unread);
        int shift = posEnd;
        buf = small;
        bufSoftLimit = bufLoadFactor * BUFFER_CHARS / PERCENT;
        bufAbsoluteStart += shift;
        bufStart = 0;
        bufEnd = unread;
        pos -= shift;
        posStart = 0;
        posEnd = 0;
    }

    /**
     * Lets go of both buffers when everything buffered is parsed (an idle session holds none); call it only between
     * top-level elements, and {@link #ensureBuffers()} before parsing again.
     */
    void release() {
        if (pos < bufEnd || preventBufferCompaction) {
            return;
        }
        bufAbsoluteStart += posEnd;
        buf = NO_CHARS;
        bufSoftLimit = 0;
        bufStart = 0;
        bufEnd = 0;
        pos = 0;
        posStart = 0;
        posEnd = 0;
        pc = NO_CHARS;
        pcStart = 0;
        pcEnd = 0;
    }

    /** Buffers to parse with again after {@link #release()}. */
    void ensureBuffers() {
        if (buf.length == 0) {
            buf = new char[BUFFER_CHARS];
            bufSoftLimit = bufLoadFactor * BUFFER_CHARS / PERCENT;
        }
        if (pc.length == 0) {
            pc = new char[TEXT_CHARS];
        }
    }

    /** Chars held in the input and text buffers (what an idle session pays for parsing). */
    int heldChars() {
        return buf.length + pc.length;
    }

    /**
     * The interned name in {@code chars}, from a table of the names seen before: XPP3 interns every namespace
     * declared ({@code xmlns='...'}, on most stanzas and on every element of a login) through the JVM's string
     * table, a native call each time. The table holds only strings that went through {@link String#intern()}, so
     * comparisons by identity still hold; a name that collides with another is interned again.
     */
    @Override
    protected String newStringIntern(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (NAME_SLOTS - 1);
        String seen = NAMES_SEEN[slot];
        if (seen != null && seen.length() == length && sameChars(seen, chars, offset)) {
            return seen;
        }
        String name = new String(chars, offset, length).intern();
        NAMES_SEEN[slot] = name;
        return name;
    }

    private static boolean sameChars(String name, char[] chars, int offset) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** Grows the text buffer to twice what is needed (XPP3 jumps to 16K chars at once). */
    @Override
    protected void ensurePC(int end) {
        char[] larger = new char[Math.max(2 * end, TEXT_CHARS)];
        System.arraycopy(pc, 0, larger, 0, pcEnd);
        pc = larger;
    }
}
