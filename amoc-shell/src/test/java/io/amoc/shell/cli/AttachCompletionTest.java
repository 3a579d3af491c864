package io.amoc.shell.cli;

import io.amoc.command.Master;
import io.amoc.config.Config;
import io.amoc.shell.Fixtures;
import io.amoc.shell.MetricsNode;
import io.amoc.shell.TestMasters;
import io.amoc.shell.attach.AccessToken;
import io.amoc.shell.attach.DaemonClient;
import io.amoc.shell.attach.DaemonServer;
import io.amoc.shell.command.Shell;
import io.amoc.shell.daemon.DaemonFiles;
import io.amoc.shell.language.CompletionSource;
import io.amoc.shell.language.Interpreter;
import io.amoc.shell.language.Suggestion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tab in an attached shell offers what it offers in the console: computed by the daemon's shell, over the socket. */
class AttachCompletionTest {

    @TempDir
    Path dir;

    private Master master;
    private CompletionSource console;
    private DaemonServer server;
    private DaemonClient attached;

    @BeforeEach
    void startDaemonSide() throws Exception {
        Config config = new Config(Map.of(), Map.of());
        master = TestMasters.local(dir, config, List.of(Fixtures.scenarios(dir.resolve("scenarios"), "SleepsForAMinute")),
                new MetricsNode("local"));
        Shell shell = Shell.of(master);
        Interpreter session = shell.newSession();
        console = shell.completions(session);
        DaemonFiles files = DaemonFiles.master(dir.resolve("var"));
        java.nio.file.Files.createDirectories(files.varDir());
        server = DaemonServer.start(files.socketFile(), AccessToken.createIn(files.tokenFile()), session,
                shell.completions(session), () -> { });
        attached = DaemonClient.connect(files.attachPoint());
    }

    @AfterEach
    void stop() throws Exception {
        attached.close();
        server.close();
        master.close(java.time.Duration.ofSeconds(1));
    }

    private List<Suggestion> both(String line) {
        List<Suggestion> here = console.suggest(line, line.length());
        assertEquals(here, attached.suggest(line, line.length()), line);
        return here;
    }

    private static List<String> values(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::value).toList();
    }

    @Test
    void commandNamesComeWithAnOpeningParenthesisWhenTheyTakeArguments() {
        List<String> commands = values(both("loc"));
        assertTrue(commands.contains("local.do(") && commands.contains("local.stop"), commands.toString());
        assertFalse(both("loc").stream().filter(s -> s.value().equals("local.do(")).findFirst().orElseThrow().complete());
    }

    @Test
    void argumentsCompleteWithScenarioNamesConfigKeysAndOptionNames() {
        assertEquals(List.of("SleepsForAMinute"), values(both("local.do(Sl")));
        assertTrue(values(both("config.get(rep")).containsAll(List.of("repeat_interval", "repeat_num")));
        assertTrue(values(both("local.remove(1, ")).contains("force="));
        assertEquals(List.of("true", "false"), values(both("local.remove(1, force=")));
        both("dist.do(SleepsForAMinute, 1, 2, ");
    }
}
