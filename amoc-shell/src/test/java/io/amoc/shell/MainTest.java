package io.amoc.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @TempDir
    Path home;

    @Test
    void aScriptOnStdinPrintsEachResultAndExitsZero() {
        ShellRun run = ShellRun.of(home, """
                # set a value, then read it back
                config.set(interarrival, 10)

                config.get(interarrival).
                """, "console");
        assertEquals(0, run.exitStatus(), run.err());
        assertEquals("interarrival = 10\ninterarrival = 10\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void aScriptStopsAtTheFirstFailedCommandAndExitsOne() {
        ShellRun run = ShellRun.of(home, """
                config.set(a, 1)
                sleep(-1)
                config.set(b, 2)
                """, "console");
        assertEquals(ExitCode.COMMAND_FAILED.status(), run.exitStatus());
        assertEquals("a = 1\n", run.out());
        assertEquals("line 2: error: sleep: Ms must be a whole number of milliseconds, 0 or more, got -1 (usage: sleep(Ms))\n",
                run.err());
    }

    @Test
    void exitEndsAScriptSuccessfully() {
        ShellRun run = ShellRun.of(home, "config.set(a, 1)\nexit\nno_such_command\n", "console");
        assertEquals(0, run.exitStatus());
        assertEquals("a = 1\n", run.out());
    }

    @Test
    void aMissingScenarioDirectoryIsAUsageError() {
        ShellRun run = ShellRun.of(home, "", "console", "--scenarios", home.resolve("nope").toString());
        assertEquals(ExitCode.USAGE.status(), run.exitStatus());
        assertEquals("amoc: --scenarios " + home.resolve("nope") + ": no such directory (give a directory of .java files)\n",
                run.err());
    }

    @Test
    void anUnknownSubcommandIsAUsageErrorWithAHint() {
        ShellRun run = ShellRun.of(home, "", "consol");
        assertEquals(ExitCode.USAGE.status(), run.exitStatus());
        assertTrue(run.err().startsWith("amoc: Unmatched argument at index 0: 'consol'"), run.err());
        assertTrue(run.err().strip().endsWith("(see: bin/amoc --help)"), run.err());
    }

    @Test
    void versionNamesTheJava() {
        ShellRun run = ShellRun.of(home, "", "version");
        assertEquals(0, run.exitStatus());
        assertTrue(run.out().startsWith("amoc ") && run.out().contains("Java " + Runtime.version()), run.out());
    }
}
