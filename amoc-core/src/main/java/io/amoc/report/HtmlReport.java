package io.amoc.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * {@code index.html}: one self-contained page (it opens from disk, with no network): the summary and the timeline
 * as JSON inside the page, the page's own script that renders them, and uPlot, from its webjar, inlined.
 */
final class HtmlReport {

    private static final String TEMPLATE = "/io/amoc/report/report.html";
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final String UPLOT_DIST = "/META-INF/resources/webjars/uplot/%s/dist/";

    private final ObjectMapper json;

    HtmlReport(ObjectMapper json) {
        this.json = json;
    }

    String render(ObjectNode summary, ObjectNode timeline) throws IOException {
        ObjectNode data = json.createObjectNode();
        data.set("summary", summary);
        data.set("timeline", timeline);
        // Inside <script>, "</script>" in a failure message would end the element: '<' is written as \u003c.
        String embedded = json.writeValueAsString(data).replace("<", "\\u003c");
        String dist = String.format(UPLOT_DIST, uplotVersion());
        return resource(TEMPLATE)
                .replace("/*UPLOT_CSS*/", resource(dist + "uPlot.min.css"))
                .replace("/*UPLOT_JS*/", resource(dist + "uPlot.iife.min.js"))
                .replace("/*DATA*/", embedded);
    }

    private static String uplotVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = HtmlReport.class.getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IOException("the uPlot webjar is missing from the class path (" + UPLOT_POM + ")");
            }
            properties.load(in);
        }
        return properties.getProperty("version");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
