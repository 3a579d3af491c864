package io.amoc.xmpp.transport;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ElementFramerProperties {

    private static final String STREAM_OPEN = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' id='a>b' version=\"1.0\">";
    /** Top-level elements with what could mislead a framer: '>' and '/' in attributes, markup in CDATA, comments. */
    private static final List<String> ELEMENTS = List.of(
            "<presence/>",
            "<presence from='a/b' to=\"c/>d\"/>",
            "<message to='x'><body>a &gt; b &amp; c > d</body></message>",
            "<message><body>caf\u00e9 \u65e5\u672c \uD83D\uDE00</body><x xmlns='y' a='1'/></message>",
            "<iq type='result' id='1'><query xmlns='q'><item name='&lt;&gt;' jid='x/>'/></query></iq>",
            "<message><body><![CDATA[</message> <b> ]] > ]]></body></message>",
            "<message><!-- </message> -- > --><body/></message>",
            "<message><?pi </message> ?><body>x</body></message>",
            "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>",
            "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><required/></bind></stream:features>",
            "\n ");

    @Property
    void everyTopLevelElementEndIsFoundHoweverTheBytesAreSplit(
            @ForAll("stream") List<String> elements, @ForAll @IntRange(min = 1, max = 200) int chunk,
            @ForAll long seed) {
        StringBuilder stream = new StringBuilder(STREAM_OPEN);
        List<Integer> ends = new ArrayList<>();
        ends.add(bytes(stream));
        for (String element : elements) {
            stream.append(element);
            if (!element.isBlank()) {
                ends.add(bytes(stream));
            }
        }
        stream.append("</stream:stream>");
        ends.add(bytes(stream));
        byte[] bytes = stream.toString().getBytes(StandardCharsets.UTF_8);

        ElementFramer framer = new ElementFramer();
        Random random = new Random(seed);
        for (int from = 0; from < bytes.length; ) {
            int to = Math.min(bytes.length, from + 1 + random.nextInt(chunk));
            assertEquals(lastEndIn(ends, from, to), framer.scan(bytes, from, to), "bytes " + from + ".." + to);
            from = to;
        }
    }

    @Property
    void aRestartedStreamIsFramedFromItsOpeningTag(@ForAll("stream") @Size(max = 5) List<String> elements) {
        ElementFramer framer = new ElementFramer();
        byte[] first = (STREAM_OPEN + String.join("", elements)).getBytes(StandardCharsets.UTF_8);
        framer.scan(first, 0, first.length);
        framer.restart();
        byte[] second = (STREAM_OPEN + "<presence/>").getBytes(StandardCharsets.UTF_8);
        assertEquals(second.length, framer.scan(second, 0, second.length));
    }

    @Provide
    Arbitrary<List<String>> stream() {
        return Arbitraries.of(ELEMENTS).list().ofMaxSize(30);
    }

    private static int bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static int lastEndIn(List<Integer> ends, int from, int to) {
        int last = -1;
        for (int end : ends) {
            if (end > from && end <= to) {
                last = end;
            }
        }
        return last;
    }
}
