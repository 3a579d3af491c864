package io.amoc.command;

import io.amoc.compile.CompileDiagnostic;
import io.amoc.compile.ScenarioCompileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing, compiling and uploading scenarios through the command layer. */
class ScenarioLibraryTest {

    private static final String GREETS = """
            import io.amoc.scenario.Scenario;

            public class Greets implements Scenario<Void> {
                @Override
                public void start(long userId, Void state) {
                }
            }
            """;

    @TempDir
    Path dir;

    private MasterFixture fixture;
    private ScenarioLibrary scenarios;

    @BeforeEach
    void startMaster() {
        fixture = new MasterFixture(dir, new InMemorySlaves());
        scenarios = fixture.master.scenarios();
    }

    @AfterEach
    void closeMaster() throws InterruptedException {
        fixture.close();
    }

    @Test
    void anUploadedScenarioJoinsThePathAndRuns() throws Exception {
        CompiledScenario uploaded = scenarios.upload(Optional.empty(), GREETS);

        assertEquals("Greets", uploaded.name());
        assertEquals(List.of("Greets", "SleepsForever"), scenarios.list().stream().map(ScenarioEntry::name).toList());
        assertEquals(fixture.uploads.resolve("Greets.java"), scenarios.list().get(0).source());
        RunStarted started = fixture.master.local().start(StartRequest.of("Greets", 1, 2));
        assertEquals(uploaded.sha256(), started.sha256());
    }

    @Test
    void anUploadReplacesTheScenarioOfTheSameNameWithANewVersion() throws Exception {
        String before = scenarios.compile("SleepsForever").sha256();
        String changed = Files.readString(dir.resolve("scenarios/SleepsForever.java")).replace("Long.MAX_VALUE", "60_000");

        CompiledScenario uploaded = scenarios.upload(Optional.of("SleepsForever"), changed);

        assertNotEquals(before, uploaded.sha256());
        assertEquals(uploaded.sha256(), scenarios.compile("SleepsForever").sha256());
    }

    @Test
    void aSourceThatDoesNotCompileComesBackAsDiagnosticsAndChangesNothing() {
        String broken = GREETS.replace("public void start(long userId, Void state) {",
                "public void start(long userId, Void state) {\n        int n = \"text\";");

        ScenarioCompileException e = assertThrows(ScenarioCompileException.class,
                () -> scenarios.upload(Optional.empty(), broken));

        CompileDiagnostic diagnostic = e.diagnostics().get(0);
        assertEquals("Greets.java", diagnostic.file(), "named as uploaded, not where it was staged");
        assertEquals(6, diagnostic.line());
        assertEquals(17, diagnostic.column());
        assertTrue(diagnostic.message().contains("incompatible types"), diagnostic.message());
        assertFalse(Files.exists(fixture.uploads.resolve("Greets.java")));
        assertEquals(List.of("SleepsForever"), scenarios.list().stream().map(ScenarioEntry::name).toList());
    }

    @Test
    void anUploadMustDeclareExactlyTheOneScenarioItIsNamedAfter() {
        assertEquals("upload: the source declares no class implementing io.amoc.scenario.Scenario",
                assertThrows(BadRequestException.class, () -> scenarios.upload(Optional.empty(), "class X {}"))
                        .getMessage());
        assertEquals("upload: the source declares Greets, not Hello: name the scenario after its class",
                assertThrows(BadRequestException.class, () -> scenarios.upload(Optional.of("Hello"), GREETS))
                        .getMessage());
    }

    @Test
    void anUploadOverOneMebibyteIsRefusedAsTooLargeBeforeAnythingIsRead() {
        SourceTooLargeException refused = assertThrows(SourceTooLargeException.class,
                () -> scenarios.upload(Optional.empty(), "x".repeat(ScenarioLibrary.MAX_SOURCE_BYTES + 1)));
        assertEquals(ScenarioLibrary.MAX_SOURCE_BYTES + 1, refused.bytes());
        assertEquals("upload: the source is 1048577 bytes, more than the 1048576 a scenario may have: keep large data"
                + " out of the source (read it in init)", refused.getMessage());
    }
}
