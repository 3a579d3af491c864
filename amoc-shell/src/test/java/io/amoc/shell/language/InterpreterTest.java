package io.amoc.shell.language;

import io.amoc.command.Master;
import io.amoc.config.Config;
import io.amoc.shell.MetricsNode;
import io.amoc.shell.TestMasters;
import io.amoc.shell.command.ConfigCommands;
import io.amoc.shell.command.GeneralCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterpreterTest {

    @TempDir
    static Path dir;

    private final Config config = new Config(Map.of(), Map.of("repeat_num", "3"));
    private final List<String> calls = new ArrayList<>();
    private final MetricsNode node = new MetricsNode("local");
    private final Master master = TestMasters.local(dir, config, List.of(), node);
    private final Interpreter interpreter = new Interpreter(commands(), new Session());

    @AfterEach
    void closeMaster() throws InterruptedException {
        master.close(java.time.Duration.ofSeconds(1));
    }

    private List<Command> commands() {
        List<Command> all = new ArrayList<>();
        all.addAll(GeneralCommands.of(() -> all));
        all.addAll(ConfigCommands.of(master.settings()));
        all.add(new Command("users.add", "add users", List.of(Param.required("count", ArgTypes.COUNT),
                Param.optional("force", ArgTypes.BOOLEAN, false)), args -> {
                    calls.add("add " + args.number("count") + " " + args.flag("force"));
                    return Reply.ok("added");
                }));
        all.add(new Command("run", "run", List.of(Param.required("scenario", ArgTypes.SCENARIO)),
                args -> Reply.ok("ran " + args.text("scenario"))));
        all.add(new Command("spread", "spread over nodes", List.of(Param.required("scenario", ArgTypes.SCENARIO),
                Param.optional("nodes", ArgTypes.NAMES, List.of()), Param.optional("comment", ArgTypes.TEXT, "")),
                args -> Reply.ok(args.text("scenario") + " on " + args.value("nodes") + " " + args.text("comment"))));
        all.add(Command.of("broken", "fails inside", args -> {
            throw new IllegalStateException("a bug");
        }));
        return all;
    }

    private String error(String line) {
        Reply reply = interpreter.run(line);
        assertFalse(reply.ok(), () -> "should fail: " + line + " gave " + reply.text());
        assertFalse(reply.text().contains("\n"), "one line");
        assertTrue(reply.text().startsWith("error: "));
        return reply.text().substring("error: ".length());
    }

    @Test
    void aGoodLineCallsItsHandlerWithConvertedArguments() {
        assertEquals(new Reply(true, "added"), interpreter.run("users.add(10, force=true)"));
        assertEquals(new Reply(true, "added"), interpreter.run("users.add(3)"));
        assertEquals(List.of("add 10 true", "add 3 false"), calls);
    }

    @Test
    void blankLinesAndCommentsDoNothing() {
        assertEquals(Reply.ok(""), interpreter.run("   "));
        assertEquals(Reply.ok(""), interpreter.run("# local.add(10)"));
        assertTrue(calls.isEmpty());
    }

    @Test
    void anUnknownCommandSuggestsTheClosestKnownOne() {
        assertEquals("unknown command users.ad: did you mean users.add? (type help for the list)", error("users.ad(1)"));
        assertEquals("unknown command add: did you mean users.add? (type help for the list)", error("add(1)"));
        assertEquals("unknown command zzzzzzzzzz: type help for the list", error("zzzzzzzzzz"));
        assertEquals("unknown command HELP: did you mean help? (type help for the list)", error("HELP"));
    }

    @Test
    void aNegativeCountMustBePositive() {
        assertEquals("users.add: Count must be a positive whole number, got -5 (usage: users.add(Count[, force=false]))",
                error("users.add(-5)"));
    }

    @Test
    void aDecimalCountMustBeWhole() {
        assertEquals("users.add: Count must be a whole number, got 1e3 (write it without a decimal point or exponent,"
                + " e.g. 1000) (usage: users.add(Count[, force=false]))", error("users.add(1e3)"));
    }

    @Test
    void wrongArgumentCountsAndTypesAreExplainedWithTheUsage() {
        assertEquals("users.add needs 1 argument, got 0 (usage: users.add(Count[, force=false]))", error("users.add()"));
        assertEquals("users.add takes 2 arguments, got 3 (usage: users.add(Count[, force=false]))",
                error("users.add(1, true, 3)"));
        assertEquals("users.add: Force must be true or false, got yes (usage: users.add(Count[, force=false]))",
                error("users.add(1, force=yes)"));
        assertEquals("users.add has no argument named forse (usage: users.add(Count[, force=false]))",
                error("users.add(1, forse=true)"));
        assertEquals("users.add got count twice: give it once (usage: users.add(Count[, force=false]))",
                error("users.add(1, count=2)"));
    }

    @Test
    void aPathIsNotAScenarioName() {
        assertEquals("run: Scenario must be a scenario name: its class's simple name, e.g. MyScenario"
                + " (type scenarios to list them), got ../x (usage: run(Scenario))", error("run(../x)"));
        assertEquals(Reply.ok("ran My_Scenario"), interpreter.run("run('My_Scenario')"));
    }

    @Test
    void listsAndNamedTextsBindForCommandsThatSpreadOverNodes() {
        assertEquals(Reply.ok("S on [a, b:7001] warm up"), interpreter.run("spread(S, nodes=[a, \"b:7001\"], comment=\"warm up\")"));
        assertEquals(Reply.ok("S on [] "), interpreter.run("spread(S)"));
        assertEquals("spread(Scenario[, nodes=[]][, comment=\"\"])", interpreter.find("spread").orElseThrow().usage());
        assertEquals("spread: Nodes must be a list of names, e.g. [a, b], got [1] (usage: spread(Scenario[, nodes=[]][, comment=\"\"]))",
                error("spread(S, nodes=[1])"));
    }

    @Test
    void aFaultInACommandIsOneLineWithoutAStackTrace() {
        assertEquals("internal error: a bug (please report it with the command that caused it)", error("broken"));
    }

    @Test
    void configSetIsVisibleToConfigGetAndPushedOn() {
        assertEquals(Reply.ok("repeat_num = 3"), interpreter.run("config.get(repeat_num)"));
        assertEquals(Reply.ok("repeat_num = infinity"), interpreter.run("config.set(repeat_num, infinity)"));
        assertEquals(Reply.ok("repeat_num = infinity"), interpreter.run("config.get(repeat_num)"));
        assertEquals(Reply.ok("greeting = \"hello world\""), interpreter.run("config.set(greeting, \"hello world\")"));
        assertEquals(Reply.ok("mode = \"fast\""), interpreter.run("config.set(mode, fast)"));
        assertEquals(List.of("repeat_num=Infinity", "greeting=hello world", "mode=fast"), node.configured);
        assertTrue(interpreter.run("config.get(nothing_here)").text().startsWith("nothing_here is not set"));
    }

    @Test
    void configSetOfAKeyNearlyAmocsSaysWhichKeyItResembles() {
        assertEquals(Reply.ok("interarival = 0 (not one of amoc's keys, so only a scenario that reads it sees it: did"
                + " you mean interarrival?)"), interpreter.run("config.set(interarival, 0)"));
    }

    @Test
    void helpListsEveryCommandAndExplainsOne() {
        String all = interpreter.run("help").text();
        for (Command command : interpreter.commands()) {
            assertTrue(all.contains(command.usage()), command.usage());
        }
        assertEquals("users.add(Count[, force=false])\n  add users\n  count: a positive whole number\n"
                + "  force: true or false (default false)", interpreter.run("help(users.add)").text());
        assertEquals("help: no command named users.ad: did you mean users.add?", error("help(users.ad)"));
    }

    @Test
    void exitAsksTheSessionToEnd() {
        assertFalse(interpreter.session().exitRequested());
        assertTrue(interpreter.run("exit").ok());
        assertTrue(interpreter.session().exitRequested());
    }

    @Test
    void aSleepOfYearsIsRefusedAtOnceWithTheLongestAllowed() {
        assertEquals("sleep: Ms must be a whole number of milliseconds from 0 to 86400000 (a day), got 999999999999"
                + " (usage: sleep(Ms))", error("sleep(999999999999)"));
    }

    @Test
    void sleepEndsWithAnErrorWhenInterrupted() {
        Thread.currentThread().interrupt();
        assertEquals(Reply.error("error: cancelled"), interpreter.run("sleep(60000)"));
        assertTrue(Thread.interrupted());
        assertEquals(Reply.ok(""), interpreter.run("sleep(1)"));
    }
}
