package io.amoc.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a run's report into a directory: {@code index.html}, {@code summary.json}, {@code junit.xml} and
 * {@code timeseries.csv}. Each file is written beside its final name and moved into place, so a reader never sees
 * half a file.
 */
public final class ReportWriter {

    /** The files of a report, in the order written. */
    public static final List<String> FILES = List.of("summary.json", "timeseries.csv", "junit.xml", "index.html");

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the report of {@code report} into {@code directory} (created if missing); returns the files. */
    public List<Path> write(RunReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        ObjectNode summary = new SummaryJson(json).of(report);
        ObjectNode timeline = new TimelineJson(json).of(report.run());
        write(directory.resolve("summary.json"), out -> json.writeValue(out, summary));
        write(directory.resolve("timeseries.csv"), out -> TimeseriesCsv.write(report.run(), out));
        write(directory.resolve("junit.xml"), out -> {
            try {
                JunitXml.write(report, hostname(), out);
            } catch (XMLStreamException e) {
                throw new IOException("cannot write junit.xml: " + e.getMessage(), e);
            }
        });
        String page = new HtmlReport(json).render(summary, timeline);
        write(directory.resolve("index.html"), out -> out.write(page));
        return FILES.stream().map(directory::resolve).toList();
    }

    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static void write(Path file, Content content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            content.writeTo(out);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
