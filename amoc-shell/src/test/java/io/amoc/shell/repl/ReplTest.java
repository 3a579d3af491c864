package io.amoc.shell.repl;

import io.amoc.command.Master;
import io.amoc.config.Config;
import io.amoc.shell.MetricsNode;
import io.amoc.shell.TestMasters;
import io.amoc.shell.command.ConfigCommands;
import io.amoc.shell.command.GeneralCommands;
import io.amoc.shell.language.ArgTypes;
import io.amoc.shell.language.Command;
import io.amoc.shell.language.Interpreter;
import io.amoc.shell.language.Session;
import io.amoc.shell.language.Suggestions;
import org.jline.reader.Candidate;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplTest {

    @TempDir
    Path dir;

    @TempDir
    static Path home;

    private final Config config = new Config(Map.of(), Map.of());
    private final Master master = TestMasters.local(home, config, List.of(), new MetricsNode("local"));
    private final Interpreter interpreter = new Interpreter(commands(), new Session());

    @AfterEach
    void closeMaster() throws InterruptedException {
        master.close(java.time.Duration.ofSeconds(1));
    }

    private List<Command> commands() {
        List<Command> all = new ArrayList<>();
        all.addAll(GeneralCommands.of(() -> all));
        all.addAll(ConfigCommands.of(master.settings()));
        all.add(new Command("local.do", "run", List.of(
                io.amoc.shell.language.Param.required("scenario", ArgTypes.SCENARIO),
                io.amoc.shell.language.Param.optional("force", ArgTypes.BOOLEAN, false)), args -> null));
        return all;
    }

    private String runRepl(String typed, Path history) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("amoc", "dumb",
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), out, StandardCharsets.UTF_8)) {
            new Repl(terminal, new Repl.Session(interpreter, (line, cursor) -> List.of(),
                    interpreter.session()::exitRequested, Thread::interrupt), Repl.PROMPT, history).run();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theReplRunsEachLineShowsResultsAndErrorsAndKeepsGoingUntilTheInputEnds() throws Exception {
        Path history = dir.resolve("history");
        String screen = runRepl("config.set(a, 1)\nlocal.add(-5)\nconfig.get(a)\n", history);
        assertTrue(screen.contains("amoc> "), screen);
        assertTrue(screen.contains("a = 1"), screen);
        assertTrue(screen.contains("error: unknown command local.add: did you mean local.do?"), screen);
        assertEquals(2, screen.split("a = 1", -1).length - 1, screen);
        assertEquals(List.of("config.set(a, 1)", "local.add(-5)", "config.get(a)"),
                Files.readAllLines(history).stream().map(l -> l.substring(l.indexOf(':') + 1)).toList());
    }

    @Test
    void exitLeavesBeforeTheRestOfTheInput() throws Exception {
        String screen = runRepl("exit\nconfig.set(a, 1)\n", dir.resolve("history"));
        assertTrue(!screen.contains("a = 1"), screen);
    }

    private List<String> complete(String line) {
        ShellCompleter completer = new ShellCompleter(new Suggestions(interpreter,
                type -> type == ArgTypes.SCENARIO ? List.of("Sleeper", "Chatter") : List.of("true", "false")));
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new ShellLineParser().parse(line, line.length(), null), candidates);
        return candidates.stream().map(Candidate::value).sorted().toList();
    }

    @Test
    void tabCompletesCommandNamesThenArgumentValuesAndOptionNames() {
        assertTrue(complete("con").containsAll(List.of("config.get(", "config.set(", "config.list")), complete("con").toString());
        assertEquals(List.of("Chatter", "Sleeper"), complete("local.do(Sl"));
        assertEquals(List.of("false", "force=", "true"), complete("local.do(Sleeper, "));
        assertEquals(List.of("false", "true"), complete("local.do(Sleeper, force="));
        assertEquals(List.of(), complete("nosuch.command("));
    }

    @Test
    void theWordUnderTheCursorEndsAtTheLanguagesPunctuation() {
        assertEquals("Sl", new ShellLineParser().parse("local.do(Sl", 11, null).word());
        assertEquals("tr", new ShellLineParser().parse("local.remove(1, force=tr", 24, null).word());
        assertEquals("local.a", new ShellLineParser().parse("local.a", 7, null).word());
    }
}
