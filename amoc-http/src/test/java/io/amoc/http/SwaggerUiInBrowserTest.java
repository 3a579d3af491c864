package io.amoc.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.amoc.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Swagger UI at /api-docs in headless Chromium: it renders every operation of the document, without errors. */
class SwaggerUiInBrowserTest {

    private static final Duration RENDER_DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void swaggerUiListsEveryOperationOfTheDocumentWithoutConsoleErrors() throws Exception {
        try (LocalApi api = LocalApi.start(dir, Map.of(), Map.of());
             HeadlessChromium chromium = new HeadlessChromium()) {
            JsonNode document = api.client().get("/api-docs/openapi.json").json();
            TreeSet<String> documented = new TreeSet<>();
            document.path("paths").properties().forEach(path -> path.getValue().properties()
                    .forEach(op -> documented.add(op.getKey().toUpperCase() + " " + path.getKey())));

            chromium.driver().get(api.server.uri().resolve("/api-docs").toString());
            new WebDriverWait(chromium.driver(), RENDER_DEADLINE).until(d ->
                    d.findElements(By.cssSelector(".opblock")).size() >= documented.size());

            TreeSet<String> shown = new TreeSet<>();
            List<String> unreadable = new ArrayList<>();
            for (WebElement block : chromium.driver().findElements(By.cssSelector(".opblock"))) {
                String method = block.findElement(By.cssSelector(".opblock-summary-method")).getText();
                String path = block.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path");
                if (method.isBlank() || path == null) {
                    unreadable.add(block.getText());
                }
                shown.add(method + " " + path);
            }
            assertEquals(List.of(), unreadable);
            assertEquals(documented, shown);
            String title = chromium.driver().findElement(By.cssSelector(".info .title")).getText();
            assertTrue(title.startsWith("amoc HTTP API"), title);
            assertEquals(List.of(), chromium.consoleErrors());
        }
    }
}
