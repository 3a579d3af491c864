package io.amoc.shell.cli;

import io.amoc.shell.Fixtures;
import io.amoc.shell.ShellRun;
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
        assertEquals("line 2: error: sleep: Ms must be a whole number of milliseconds from 0 to 86400000 (a day),"
                + " got -1 (usage: sleep(Ms))\n",
                run.err());
    }

    @Test
    void aScriptRunsAScenarioFromADirectoryGivenWithScenariosAndEndsItsUsers() {
        Path scenarios = Fixtures.scenarios(home.resolve("my-scenarios"), "SleepsForAMinute");
        ShellRun run = ShellRun.of(home, """
                scenarios
                config.set(interarrival, 0)
                local.do(SleepsForAMinute, 1, 3)
                local.add(2)
                local.remove(1, force=true)
                local.stop()
                status
                """, "console", "--scenarios", scenarios.toString());
        assertEquals(0, run.exitStatus(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("SleepsForAMinute  " + scenarios, lines[1]);
        assertEquals("interarrival = 0", lines[2]);
        assertTrue(lines[3].startsWith("local: started SleepsForAMinute@"), lines[3]);
        assertEquals("local: adding users 4..5", lines[4]);
        assertTrue(lines[5].equals("local: removed 1 user (id 5)"), lines[5]);
        assertEquals("local: stopped", lines[6]);
        assertTrue(run.out().contains("\nlocal  finished  SleepsForAMinute@"), run.out());
    }

    @Test
    void aScriptStopsAtAFailedLocalCommandAndLeavesNoUsersBehind() {
        Path scenarios = Fixtures.scenarios(home.resolve("my-scenarios"), "SleepsForAMinute");
        ShellRun run = ShellRun.of(home, """
                config.set(interarrival, 0)
                amoc_local:do(SleepsForAMinute, 1, 3).
                local.do(SleepsForAMinute, 1, 3)
                local.add(2)
                """, "console", "--scenarios", scenarios.toString());
        assertEquals(1, run.exitStatus());
        assertTrue(run.out().endsWith("spawning users 1..3 (type status to follow)\n"), run.out());
        assertEquals("line 3: error: local.do: SleepsForAMinute is already running: stop it first with"
                + " local.stop()\n", run.err());
    }

    @Test
    void theConsoleOffersTheDistributedCommandsBesideTheLocalOnes() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("conf"));
        java.nio.file.Files.writeString(home.resolve("conf/amoc.properties"), "tls_dir = \"" + Fixtures.tlsDir() + "\"\n");
        ShellRun run = ShellRun.of(home, "help\nconfig.set(hosts, [])\ndist.add(5)\n", "console");
        assertEquals(ExitCode.COMMAND_FAILED.status(), run.exitStatus());
        assertTrue(run.out().contains("dist.do(Scenario, From, To") && run.out().contains("local.do(Scenario, From, To)"),
                run.out());
        assertTrue(run.err().startsWith("line 3: error: no slaves: connect one with dist.connect(\"host:port\")"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
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
    void aValueThatMakesNoSenseInTheConfigFileIsRefusedAtStartInOneLine() throws Exception {
        assertEquals("amoc: interarrival must be a whole number of milliseconds from 0 to 86400000, got -3 (set in"
                + " FILE): fix it, or remove it for the default\n", refusedAtStart("interarrival = -3"));
        assertEquals("amoc: xmpp_sasl must be one of PLAIN, SCRAM-SHA-1, SCRAM-SHA-256, or \"\" (the strongest the"
                + " server offers), got \"FOO\" (set in FILE): fix it, or remove it for the default\n",
                refusedAtStart("xmpp_sasl = FOO"), "refused at start rather than at each login");
    }

    /** What the console says on stderr when its config file is {@code line}, the file's path written FILE. */
    private String refusedAtStart(String line) throws Exception {
        Path file = java.nio.file.Files.writeString(home.resolve("bad.properties"), line + "\n");
        ShellRun run = ShellRun.of(home, "status\n", "console", "--config", file.toString());
        assertEquals(ExitCode.USAGE.status(), run.exitStatus());
        return run.err().replace(file.toString(), "FILE");
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
