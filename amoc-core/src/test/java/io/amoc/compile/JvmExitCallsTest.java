package io.amoc.compile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scenario that would end the JVM is refused when it is compiled, with the call and its line. */
class JvmExitCallsTest {

    @TempDir
    Path dir;

    private ScenarioCompileException refused(String scenario) {
        return assertThrows(ScenarioCompileException.class, () -> new ScenarioCatalog(List.of(dir)).bundle(scenario));
    }

    @Test
    void aScenarioThatCallsSystemExitIsRefusedWithOneLineNamingTheCallAndItsLine() throws Exception {
        Files.writeString(dir.resolve("QuitsTheJvm.java"), """
                import io.amoc.scenario.Scenario;

                public class QuitsTheJvm implements Scenario<Void> {
                    @Override
                    public void start(long userId, Void state) {
                        if (userId > 10) {
                            System.exit(1);
                        }
                    }
                }
                """);

        ScenarioCompileException e = refused("QuitsTheJvm");

        assertEquals(dir.resolve("QuitsTheJvm.java") + ":7: error: calls System.exit, which would end this node and"
                + " every user on it: end a user by returning from start() or by throwing", e.getMessage());
        assertEquals(7, e.diagnostics().getFirst().line());
    }

    @Test
    void aHaltInAHelperClassOfTheBundleIsFoundInTheHelpersFile() throws Exception {
        Files.createDirectories(dir.resolve("org/example"));
        Files.writeString(dir.resolve("org/example/Shutdown.java"), """
                package org.example;

                final class Shutdown {
                    static void now() {
                        Runtime.getRuntime().halt(3);
                    }
                }
                """);
        Files.writeString(dir.resolve("org/example/UsesAHelper.java"), """
                package org.example;

                import io.amoc.scenario.Scenario;

                public class UsesAHelper implements Scenario<Void> {
                    @Override
                    public void start(long userId, Void state) {
                        Shutdown.now();
                    }
                }
                """);

        ScenarioCompileException e = refused("UsesAHelper");

        assertEquals(1, e.diagnostics().size(), e.getMessage());
        assertEquals(dir.resolve("org/example/Shutdown.java").toString(), e.diagnostics().getFirst().file());
        assertEquals(5, e.diagnostics().getFirst().line());
        assertTrue(e.getMessage().contains("calls Runtime.halt"), e.getMessage());
    }

    @Test
    void runtimeExitInALambdaAndSystemExitAsAMethodReferenceAreBothFound() throws Exception {
        Files.writeString(dir.resolve("ExitsIndirectly.java"), """
                import io.amoc.scenario.Scenario;
                import java.util.function.IntConsumer;

                public class ExitsIndirectly implements Scenario<Void> {
                    @Override
                    public void start(long userId, Void state) {
                        Runnable later = () -> Runtime.getRuntime().exit(2);
                        IntConsumer quit = System::exit;
                    }
                }
                """);

        ScenarioCompileException e = refused("ExitsIndirectly");

        assertEquals(List.of(7L, 8L), e.diagnostics().stream().map(CompileDiagnostic::line).toList(), e.getMessage());
        assertTrue(e.getMessage().contains("calls Runtime.exit") && e.getMessage().contains("calls System.exit"));
    }

    @Test
    void aScenarioThatOnlyMentionsExitInTextCompiles() throws Exception {
        Files.writeString(dir.resolve("TalksAboutExit.java"), """
                import io.amoc.scenario.Scenario;

                public class TalksAboutExit implements Scenario<Void> {
                    // System.exit(0) would end the node
                    @Override
                    public void start(long userId, Void state) {
                        String note = "System.exit(1)";
                        System.out.print("");
                    }
                }
                """);

        assertEquals("TalksAboutExit", new ScenarioCatalog(List.of(dir)).bundle("TalksAboutExit").className());
    }
}
