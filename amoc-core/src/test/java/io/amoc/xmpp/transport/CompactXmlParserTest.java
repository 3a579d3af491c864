package io.amoc.xmpp.transport;

import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CompactXmlParserTest {

    private static final String STREAM = "<stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams'>";
    private static final int IDLE_CHARS = CompactXmlParser.BUFFER_CHARS + CompactXmlParser.TEXT_CHARS;

    @Test
    void anIdleParserHoldsFiveHundredAndSeventySixChars() {
        assertEquals(576, new CompactXmlParser().heldChars());
    }

    @Test
    void aLargeEscapedStanzaGrowsTheBuffersAndTheNextStanzaFindsThemSmallAgain() throws Exception {
        String large = "&lt;&amp;&gt;".repeat(20_000);
        CompactXmlParser parser = new CompactXmlParser();
        parser.restart(new StringReader(STREAM + "<message><body>" + large + "</body></message>"
                + "<message><body>small</body></message>"), false);
        XmlPullParser xml = parser.forSmack();

        assertEquals("<&>".repeat(20_000), bodyOfNextMessage(xml));
        assertEquals(true, parser.heldChars() > 60_000);
        parser.shrink();
        assertEquals(IDLE_CHARS, parser.heldChars());
        assertEquals("small", bodyOfNextMessage(xml));
    }

    @Test
    void namespacesAreTheJvmsInternedStringsEvenWhenMoreOfThemThanTheTableHoldsCollide() throws Exception {
        int names = 5_000;
        StringBuilder document = new StringBuilder(STREAM);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < names; i++) {
                document.append("<e").append(i).append(" xmlns='urn:test:").append(i).append("' a='v'/>");
            }
        }
        CompactXmlParser parser = new CompactXmlParser();
        parser.restart(new StringReader(document.toString()), false);
        XmlPullParser xml = parser.forSmack();
        assertEquals("stream", nextStart(xml));
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < names; i++) {
                String name = nextStart(xml);
                assertEquals("e" + i, name);
                assertSame(("urn:test:" + i).intern(), xml.getNamespace());
                assertEquals("v", xml.getAttributeValue("a"));
                xml.next();   // the end of the empty element
            }
        }
    }

    @Test
    void aRestartKeepsWhatWasBufferedButNotParsed() throws Exception {
        CompactXmlParser parser = new CompactXmlParser();
        parser.restart(new StringReader(STREAM + "<success/>" + STREAM + "<features/>"), false);
        XmlPullParser xml = parser.forSmack();
        assertEquals("stream", nextStart(xml));
        assertEquals("success", nextStart(xml));
        xml.next();   // </success>

        parser.restart(new StringReader(""), true);
        assertEquals("stream", nextStart(xml));
        assertEquals("features", nextStart(xml));
    }

    @Test
    void aParserLetsGoOfItsBuffersOnceEverythingIsParsedAndParsesOnAfterwards() throws Exception {
        CompactXmlParser parser = new CompactXmlParser();
        parser.restart(new StringReader(STREAM + "<message><body>a &amp; b</body></message>"
                + "<message><body>c &lt; d</body></message>"), false);
        XmlPullParser xml = parser.forSmack();
        assertEquals("a & b", bodyOfNextMessage(xml));
        parser.release();
        assertEquals(IDLE_CHARS, parser.heldChars());   // the second message is buffered still: nothing released

        assertEquals("c < d", bodyOfNextMessage(xml));
        parser.release();
        assertEquals(0, parser.heldChars());
        parser.ensureBuffers();
        assertEquals(IDLE_CHARS, parser.heldChars());
    }

    private static String bodyOfNextMessage(XmlPullParser xml) throws Exception {
        while (!"body".equals(nextStart(xml))) {
            // skip to the body
        }
        String body = xml.nextText();
        xml.next();   // </message>
        return body;
    }

    private static String nextStart(XmlPullParser xml) throws Exception {
        XmlPullParser.Event event = xml.next();
        while (event != XmlPullParser.Event.START_ELEMENT) {
            event = xml.next();
        }
        return xml.getName();
    }
}
