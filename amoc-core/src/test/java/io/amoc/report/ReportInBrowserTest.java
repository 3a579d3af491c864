package io.amoc.report;

import io.amoc.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportInBrowserTest {

    @TempDir
    Path directory;

    @Test
    void theReportOpenedFromDiskDrawsEveryPlotAndListsTheThresholdsWithoutConsoleErrors() throws Exception {
        List<String> thresholds = List.of("p99(message_ttd) < 1s", "max(connection) < 40ms");
        new ReportWriter().write(SampleReports.chattingRun(thresholds), directory);

        try (HeadlessChromium chromium = new HeadlessChromium()) {
            chromium.driver().get(directory.resolve("index.html").toUri().toString());

            // users, rates, two times (message_ttd, connection), generator CPU and lag
            DrawnPlots.assertEveryPlotDrawn(chromium, 6);
            String thresholdsTable = chromium.driver().findElement(By.id("thresholds")).getText();
            assertTrue(thresholdsTable.contains("p99(message_ttd) < 1s"), thresholdsTable);
            assertTrue(thresholdsTable.contains("max(connection) < 40ms"), thresholdsTable);
            assertTrue(chromium.driver().findElement(By.id("verdict")).getText().startsWith("failed"));
            assertFalse(chromium.driver().getTitle().contains("pwned"), "scenario text is shown, never run");
            assertTrue(chromium.driver().findElement(By.id("failures")).getText().contains("</script>"),
                    "the hostile failure message is shown as text");
            assertEquals(List.of(), chromium.consoleErrors());
        }
    }
}
