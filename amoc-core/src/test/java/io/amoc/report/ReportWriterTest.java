package io.amoc.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {

    private static final List<String> THRESHOLDS = List.of("p99(message_ttd) < 1s", "max(connection) < 40ms",
            "count(messages_received) >= 0.999 * count(messages_sent)");

    @TempDir
    Path directory;

    @Test
    void theSummaryJsonHoldsTheFiguresTheVerdictAndTheNodesThatLeft() throws Exception {
        RunReport report = SampleReports.chattingRun(THRESHOLDS);
        new ReportWriter().write(report, directory);

        JsonNode summary = new ObjectMapper().readTree(directory.resolve("summary.json").toFile());

        assertEquals("amoc-run-summary/1", summary.get("schema").asText());
        assertEquals("failed", summary.at("/verdict/outcome").asText());
        assertEquals(3, summary.at("/verdict/thresholds").size());
        assertTrue(summary.at("/verdict/thresholds/0/held").asBoolean());
        assertFalse(summary.at("/verdict/thresholds/2/held").asBoolean(), "99 of 100 received is below 0.999");
        assertEquals(report.run().cluster().counters().get("messages_sent"),
                summary.at("/cluster/counters/messages_sent/count").asLong());
        assertEquals(report.run().cluster().times().get("message_ttd").p99(),
                summary.at("/cluster/times/message_ttd/p99_us").asLong());
        assertEquals(30 * 99 + 27 * 99, summary.at("/messages/received").asLong(), "two was last heard of at 27 s");
        assertTrue(summary.at("/nodes/1/left").asBoolean());
        assertEquals("no heartbeat for 10 s", summary.at("/nodes/1/left_reason").asText());
        assertEquals(1998, summary.at("/failures/0/count").asLong());
        assertEquals("runtime", summary.at("/manifest/config/xmpp_port/source").asText());
    }

    @Test
    void theJunitXmlHasOneCasePerThresholdAndValidatesAgainstTheJunitSchema() throws Exception {
        new ReportWriter().write(SampleReports.chattingRun(THRESHOLDS), directory);
        Path junit = directory.resolve("junit.xml");

        validate(junit);
        String xml = Files.readString(junit);
        assertTrue(xml.contains("tests=\"4\" failures=\"2\" errors=\"0\""), xml);
        assertTrue(xml.contains("name=\"p99(message_ttd) &lt; 1s\""), xml);
        assertTrue(xml.contains("name=\"load generator healthy\""), xml);
    }

    @Test
    void theTimeseriesCsvHasARowPerIntervalNodeAndFigure() throws Exception {
        new ReportWriter().write(SampleReports.chattingRun(THRESHOLDS), directory);

        List<String> lines = Files.readAllLines(directory.resolve("timeseries.csv"));

        assertEquals(TimeseriesCsv.HEADER, lines.get(0));
        long clusterSent = lines.stream().filter(l -> l.contains(",cluster,messages_sent,count,")).count();
        assertEquals(30, clusterSent, "one row per interval");
        assertTrue(lines.stream().anyMatch(l -> l.contains(",two,message_ttd,p99_us,")));
    }

    @Test
    void thePageIsSelfContainedAndEscapesWhatScenariosWrote() throws Exception {
        new ReportWriter().write(SampleReports.chattingRun(THRESHOLDS), directory);

        String page = Files.readString(directory.resolve("index.html"));

        assertFalse(page.contains("/*DATA*/") || page.contains("/*UPLOT_JS*/"), "every placeholder filled");
        assertTrue(page.contains("uPlot"), "uPlot inlined");
        assertFalse(page.contains("src=\"http"), "nothing loaded from the network");
        assertFalse(page.contains(SampleReports.HOSTILE), "a failure message cannot end the data's script element");
    }

    @Test
    void aReportWrittenAgainReplacesTheFormerFilesWholly() throws Exception {
        ReportWriter writer = new ReportWriter();
        writer.write(SampleReports.chattingRun(THRESHOLDS), directory);
        writer.write(SampleReports.chattingRun(List.of()), directory);

        JsonNode summary = new ObjectMapper().readTree(directory.resolve("summary.json").toFile());
        assertEquals(0, summary.at("/verdict/thresholds").size());
        try (var files = Files.list(directory)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".partial")));
        }
    }

    static void validate(Path junit) throws SAXException, IOException {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(ReportWriterTest.class.getResourceAsStream("junit-jenkins.xsd")));
        schema.newValidator().validate(new StreamSource(junit.toFile()));
    }
}
