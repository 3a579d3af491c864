package io.amoc.report;

import io.amoc.verdict.ThresholdResult;
import io.amoc.verdict.Verdict;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code junit.xml}: the run as a JUnit test suite that CI systems (Jenkins, GitLab, GitHub) show: one test case per
 * threshold, one for the load generator's health, and an error case when the run could not be carried out.
 */
final class JunitXml {

    private static final String CLASSNAME = "amoc.thresholds";
    private static final double MILLIS_PER_SECOND = 1_000.0;
    /** The schema's timestamp: ISO-8601 to the second, no zone (UTC by convention). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private JunitXml() {
    }

    static void write(RunReport report, String hostname, Writer out) throws XMLStreamException {
        Verdict verdict = report.verdict();
        long failures = verdict.thresholds().stream().filter(t -> !t.held()).count()
                + (verdict.overloaded().isEmpty() ? 0 : 1);
        int errors = verdict.outcome() == Verdict.Outcome.ERROR ? 1 : 0;
        int tests = verdict.thresholds().size() + 1 + errors;
        String seconds = String.format(Locale.ROOT, "%.3f",
                (report.manifest().endMillis() - report.manifest().startMillis()) / MILLIS_PER_SECOND);
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "amoc");
        counts(xml, tests, failures, errors, seconds);
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "amoc." + report.manifest().scenario());
        counts(xml, tests, failures, errors, seconds);
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("timestamp", TIMESTAMP.format(LocalDateTime.ofInstant(
                Instant.ofEpochMilli(report.manifest().startMillis()), ZoneOffset.UTC)));
        xml.writeAttribute("hostname", hostname);
        properties(xml, report);
        for (ThresholdResult threshold : verdict.thresholds()) {
            testCase(xml, threshold.threshold(), threshold.held() ? null : "failure",
                    threshold.problem() != null ? threshold.problem() : threshold.description());
        }
        testCase(xml, "load generator healthy", verdict.overloaded().isEmpty() ? null : "failure", verdict.reason());
        if (errors > 0) {
            testCase(xml, "run carried out", "error", verdict.reason());
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(verdict.reason());
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
    }

    private static void counts(XMLStreamWriter xml, long tests, long failures, long errors, String seconds)
            throws XMLStreamException {
        xml.writeAttribute("tests", Long.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", Long.toString(errors));
        xml.writeAttribute("time", seconds);
    }

    private static void properties(XMLStreamWriter xml, RunReport report) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "scenario", report.manifest().scenario());
        property(xml, "sha256", report.manifest().sha256());
        property(xml, "verdict", report.verdict().outcome().name().toLowerCase(Locale.ROOT));
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value == null ? "" : value);
    }

    /** A test case; {@code outcome} is null (passed), "failure" or "error". */
    private static void testCase(XMLStreamWriter xml, String name, String outcome, String message)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        if (outcome == null) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", name);
        xml.writeAttribute("classname", CLASSNAME);
        xml.writeAttribute("time", "0");
        if (outcome != null) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement(outcome);
            xml.writeAttribute("message", message);
            xml.writeAttribute("type", outcome.equals("error") ? "amoc.RunError" : "amoc.ThresholdFailed");
            xml.writeCharacters(message);
            xml.writeEndElement();
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
        }
    }
}
