package io.amoc.report;

import io.amoc.browser.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report page's charts as the browser drew them. */
final class DrawnPlots {

    /** True when every pixel of the canvas is still transparent. */
    private static final String BLANK = """
            const c = arguments[0];
            const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { return false; } }
            return true;""";

    private DrawnPlots() {
    }

    /** The page holds {@code expected} plots, and none was left blank. */
    static void assertEveryPlotDrawn(HeadlessChromium chromium, int expected) {
        List<WebElement> canvases = chromium.driver().findElements(By.cssSelector(".uplot canvas"));
        assertEquals(expected, canvases.size(), "one plot per chart");
        for (WebElement canvas : canvases) {
            assertEquals(Boolean.FALSE, chromium.script(BLANK, canvas), "a plot was left blank");
        }
    }
}
